import type { Bilingual } from '../core/errors.js';
import type { RecordedEvent } from '../core/messages.js';
import type { ScoreAt, ScoreItem, UnitScore, VersionInForce } from '../assessment/assessment.facts.js';

/** An event named in a diff: enough to find it in the timeline. */
export interface DiffEvent {
  id: string;
  position: string;
  type: string;
  stream: string;
  occurredAt: string;
  recordedAt: string;
}

/** One line of the explanation whose points or events differ between the two points. */
export interface LineChange {
  section: string;
  sectionTitle: Bilingual;
  indicator: string | null;
  kind: ScoreItem['kind'];
  title: Bilingual;
  period: string;
  from: number;
  to: number;
  change: number;
  /** The events behind the line at `to` that were not behind it at `from`, and the other way round. */
  eventsAdded: string[];
  eventsRemoved: string[];
}

export interface ScoreDiff {
  /** Events of the unit known at `to` and not at `from`, and the other way round (a later point may hold fewer). */
  added: DiffEvent[];
  removed: DiffEvent[];
  lines: LineChange[];
  total: { from: number | null; to: number | null; change: number | null };
  grade: { from: UnitScore['grade'] | null; to: UnitScore['grade'] | null };
  version: { from: VersionInForce | null; to: VersionInForce | null };
}

const round = (value: number) => Math.round(value * 10) / 10 || 0;

const diffEvent = (event: RecordedEvent): DiffEvent => ({
  id: event.id,
  position: event.position.toString(),
  type: event.type,
  stream: event.stream,
  occurredAt: event.metadata.occurredAt,
  recordedAt: event.metadata.recordedAt,
});

type KeyedLine = Omit<LineChange, 'from' | 'to' | 'change' | 'eventsAdded' | 'eventsRemoved'> & {
  points: number;
  events: string[];
};

/** Each line of a score by what it is (section, indicator, kind, period), so that two scores line up. */
const linesOf = (score: UnitScore | null): Map<string, KeyedLine> =>
  new Map(
    (score?.sections ?? []).flatMap((section) =>
      section.items.map((item): [string, KeyedLine] => [
        [section.section, item.indicator ?? '', item.kind, item.period].join('|'),
        {
          section: section.section,
          sectionTitle: section.title,
          indicator: item.indicator,
          kind: item.kind,
          title: item.title,
          period: item.period,
          points: item.points,
          events: item.events.map((event) => event.id),
        },
      ]),
    ),
  );

/**
 * What changed between two points of a unit's history, pure: the events one knows and the other does not,
 * and each line of the explanation whose points or events differ, with by how much. A line present at one
 * point only counts as 0 at the other.
 */
export const diffScores = (from: ScoreAt, to: ScoreAt): ScoreDiff => {
  const fromIds = new Set(from.events.map((event) => event.id));
  const toIds = new Set(to.events.map((event) => event.id));
  const before = linesOf(from.score);
  const after = linesOf(to.score);
  const lines: LineChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    const line = (b ?? a)!;
    const aEvents = new Set(a?.events ?? []);
    const bEvents = new Set(b?.events ?? []);
    const change = round((b?.points ?? 0) - (a?.points ?? 0));
    const eventsAdded = [...bEvents].filter((id) => !aEvents.has(id));
    const eventsRemoved = [...aEvents].filter((id) => !bEvents.has(id));
    if (change === 0 && !eventsAdded.length && !eventsRemoved.length) continue;
    const { points: _points, events: _events, ...what } = line;
    lines.push({ ...what, from: a?.points ?? 0, to: b?.points ?? 0, change, eventsAdded, eventsRemoved });
  }
  const totalFrom = from.score?.total ?? null;
  const totalTo = to.score?.total ?? null;
  return {
    added: to.events.filter((event) => !fromIds.has(event.id)).map(diffEvent),
    removed: from.events.filter((event) => !toIds.has(event.id)).map(diffEvent),
    lines,
    total: {
      from: totalFrom,
      to: totalTo,
      change: totalFrom === null || totalTo === null ? null : round(totalTo - totalFrom),
    },
    grade: { from: from.score?.grade ?? null, to: to.score?.grade ?? null },
    version: { from: from.version, to: to.version },
  };
};
