import { Inject, Injectable } from '@nestjs/common';
import { foldStream } from '../core/command-handling.js';
import { EVENT_STORE, type EventStore, type ReadUnitOptions } from '../core/event-store/event-store.js';
import type { RecordedEvent } from '../core/messages.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { ruleSetStream, type RuleSetEvent } from './assessment.events.js';
import { ruleSetHistory, type PublishedVersion } from './rule-set-history.js';
import { score, type UnitScore } from './scorer.js';

export type { ExplainingEvent, ScoreItem, SectionScore, UnitScore } from './scorer.js';

/**
 * A point in the history of a unit, as an auditor asks for it. The bounds combine:
 * - `occurredBy` (ISO instant): "as of" a business time, the events that had happened by then (`occurredAt`);
 * - `atPosition` (global position) or `recordedBy` (ISO instant): "as known at" a record time, the events the
 *   log held then, whenever they happened.
 * None of them: everything known now.
 */
export interface PointInTime {
  occurredBy?: string;
  atPosition?: bigint;
  recordedBy?: string;
}

/** A published version of a year's rules, as the score at a point was computed under it. */
export interface VersionInForce {
  version: number;
  effectiveOn: string;
  /** When the version was published (record time). */
  publishedAt: string;
}

/** What a unit looked like at a point: its name and type then, and how many of its events were known. */
export interface UnitStateAt {
  unitId: string;
  name: string | null;
  type: string | null;
  events: number;
  /** The events by type, for the state at a glance. */
  byType: Record<string, number>;
  lastPosition: string | null;
}

export interface ScoreAt {
  unitId: string;
  year: number;
  at: PointInTime;
  /** The business day rules were applied up to (the point's day, within the year). */
  asOf: string;
  state: UnitStateAt;
  /** The version in force at the point; null when the year had no published rules then. */
  version: VersionInForce | null;
  score: UnitScore | null;
  /** The unit's events at the point, in the log's order: what the score was computed from. */
  events: RecordedEvent[];
}

/** How many points' snapshots a process keeps (each holds the unit's events at its point). */
const MAX_SNAPSHOTS = 32;

/** The version in force on `day` among those published: the latest whose effective date has come, else the first. */
export const versionInForce = (versions: readonly (PublishedVersion & { publishedAt: string })[], day: string) =>
  [...versions].reverse().find((v) => v.effectiveOn <= day) ?? versions[0] ?? null;

/** The day a point stands for: the earliest of its bounds' days (Asia/Shanghai), or `today` for none. */
const dayOfPoint = (at: PointInTime, knownAtDay: string | null, today: string) =>
  [at.occurredBy && shanghaiDate(at.occurredBy), at.recordedBy && shanghaiDate(at.recordedBy), knownAtDay, today]
    .filter((day): day is string => Boolean(day))
    .sort()[0];

/** A unit's state folded from its own events (its registration and renames name it and give its type). */
export const unitStateOf = (unitId: string, events: readonly RecordedEvent[]): UnitStateAt => {
  let name: string | null = null;
  let type: string | null = null;
  const byType: Record<string, number> = {};
  for (const event of events) {
    byType[event.type] = (byType[event.type] ?? 0) + 1;
    const data = event.data as { unitId?: string; name?: string; type?: string };
    if (data.unitId !== unitId) continue;
    if (event.type === 'UnitRegistered') [name, type] = [data.name ?? null, data.type ?? null];
    if (event.type === 'UnitRenamed') name = data.name ?? name;
  }
  const last = events[events.length - 1];
  return { unitId, name, type, events: events.length, byType, lastPosition: last ? last.position.toString() : null };
};

/** Whether an event was in the log at the point (its record-time bounds only). */
const knownAt = (event: RecordedEvent, at: PointInTime) =>
  (at.atPosition === undefined || event.position <= at.atPosition) &&
  (at.recordedBy === undefined || event.metadata.recordedAt <= at.recordedBy);

/**
 * The assessment's read door for audits: a unit's state and score at any point of its history, under the
 * rule-set version in force then. Reads the store itself (the unit's events through `readUnit`, the year's
 * `ruleset-<year>` stream), never a read model, so that "as known at" sees exactly what the log held then:
 * a version published after the point does not score it.
 */
@Injectable()
export class AssessmentFacts {
  /**
   * Snapshots of recent points (an auditor moving a slider, a diff, an export's months): the score at a
   * point with the log's head it was computed at. Checked, never trusted blindly: see scoreUnitAt.
   */
  private readonly snapshots = new Map<string, { head: bigint; rules: string; result: ScoreAt }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The year's published versions known at the point, with when each was published. */
  async versionsKnownAt(year: number, at: PointInTime = {}): Promise<(PublishedVersion & { publishedAt: string })[]> {
    const stream = (await this.store.readStream(ruleSetStream(year))).filter((event) => knownAt(event, at));
    const published = new Map(
      stream
        .filter((event) => event.type === 'RuleSetPublished')
        .map((event) => [(event.data as { version: number }).version, event.metadata.recordedAt]),
    );
    return foldStream(ruleSetHistory, stream as unknown as RecordedEvent<RuleSetEvent['type']>[]).versions.map(
      (version) => ({ ...version, publishedAt: published.get(version.version) ?? '' }),
    );
  }

  /**
   * The unit's state and score for `year` at a point: its events bounded as the point says, scored by the
   * pure `score()` up to the point's day under the version in force that day among the versions known then.
   * `onProgress` hears how far the read has come through the log (positions), page by page: the replay
   * CLI's progress bar on long histories.
   */
  async scoreUnitAt(
    unitId: string,
    year: number,
    at: PointInTime = {},
    onProgress?: (done: bigint, total: bigint) => void,
  ): Promise<ScoreAt> {
    const options: ReadUnitOptions = {
      ...(at.occurredBy !== undefined ? { occurredBy: at.occurredBy } : {}),
      ...(at.atPosition !== undefined ? { atPosition: at.atPosition } : {}),
      ...(at.recordedBy !== undefined ? { recordedBy: at.recordedBy } : {}),
    };
    const today = shanghaiDate(this.clock.now());
    const versions = await this.versionsKnownAt(year, at);
    // A snapshot of this very point holds while the unit has no event after the log's head it was taken at
    // that the point's bounds let in (positions only grow), under the same versions known, on the same day.
    const key = JSON.stringify([unitId, year, at.occurredBy, at.atPosition?.toString(), at.recordedBy, today]);
    const rules = versions.map((v) => `${v.version}@${v.publishedAt}`).join();
    const snapshot = onProgress ? undefined : this.snapshots.get(key);
    if (snapshot && snapshot.rules === rules) {
      const newer = await this.store.readUnit(unitId, { ...options, after: snapshot.head, limit: 1 });
      if (newer.length === 0) {
        // Most recently used last: the map's order is the eviction order.
        this.snapshots.delete(key);
        this.snapshots.set(key, snapshot);
        return snapshot.result;
      }
    }
    const head = await this.store.headPosition();
    const events = onProgress
      ? await this.readInPages(unitId, options, onProgress)
      : await this.store.readUnit(unitId, options);
    const result = this.scoreOf(unitId, year, at, events, versions, today);
    this.snapshots.delete(key);
    this.snapshots.set(key, { head, rules, result });
    if (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value!);
    return result;
  }

  /** The fold and the score, pure: the unit's events at the point under the version in force that day. */
  private scoreOf(
    unitId: string,
    year: number,
    at: PointInTime,
    events: RecordedEvent[],
    versions: (PublishedVersion & { publishedAt: string })[],
    today: string,
  ): ScoreAt {
    // Known at a position: the day of the last record the log held then stands for the point.
    const lastRecorded =
      at.atPosition === undefined
        ? null
        : events.reduce<string | null>(
            (max, e) => (max && max > e.metadata.recordedAt ? max : e.metadata.recordedAt),
            null,
          );
    const day = dayOfPoint(at, lastRecorded && shanghaiDate(lastRecorded), today);
    const yearEnd = `${year}-12-31`;
    const asOf = day < yearEnd ? day : yearEnd;
    const state = unitStateOf(unitId, events);
    const inForce = versionInForce(versions, asOf);
    const scored = inForce ? score(inForce.body, { id: unitId, type: state.type }, events, year, asOf) : null;
    return {
      unitId,
      year,
      at,
      asOf,
      state,
      version: inForce && {
        version: inForce.version,
        effectiveOn: inForce.effectiveOn,
        publishedAt: inForce.publishedAt,
      },
      score: scored,
      events,
    };
  }

  /** The unit's events a page at a time, telling how far through the log each page reached. */
  private async readInPages(
    unitId: string,
    options: ReadUnitOptions,
    onProgress: (done: bigint, total: bigint) => void,
  ): Promise<RecordedEvent[]> {
    const total = options.atPosition ?? (await this.store.headPosition());
    const events: RecordedEvent[] = [];
    for (let after = 0n; ;) {
      const page = await this.store.readUnit(unitId, { ...options, after, limit: 2000 });
      events.push(...page);
      if (page.length < 2000) break;
      after = page[page.length - 1].position;
      onProgress(after, total);
    }
    onProgress(total, total);
    return events;
  }
}
