import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '../../core/event-store/memory-event-store.js';
import type { NewEvent } from '../../core/messages.js';
import { ProjectionRunner } from '../../core/projections/projection-runner.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { openReadModelDb } from '../../core/projections/read-model-db.js';
import { ManualClock } from '../../core/time/clock.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { RuleSetBody } from '../rule-set.js';
import { scoresProjection, storedScore, storedScores } from './scores.projection.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const event = (type: string, data: unknown, on: string, unitIds: string[] = []): NewEvent => ({
  type,
  data,
  metadata: {
    actorId: 'spec',
    actorRole: 'system',
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: occurredOn(on),
    unitIds,
    schemaVersion: 1,
  },
});

/** One visit a month (−2 for each month without); meetings earn 5 each up to 10. */
const rules = (meetingPoints = 5): RuleSetBody => ({
  title: { zh: '考核', en: 'Assessment' },
  sections: [
    {
      id: 'visits',
      title: { zh: '指导', en: 'Visits' },
      maxPoints: 90,
      start: 'full',
      indicators: [
        {
          id: 'monthly-visit',
          title: { zh: '每月指导', en: 'Monthly visit' },
          kind: 'target',
          eventTypes: ['InstructorVisitLogged'],
          period: 'month',
          perPeriod: 1,
          deductionEach: 2,
        },
      ],
    },
    {
      id: 'meetings',
      title: { zh: '会议', en: 'Meetings' },
      maxPoints: 10,
      start: 'zero',
      indicators: [
        {
          id: 'meetings',
          title: { zh: '会议', en: 'Meetings' },
          kind: 'count',
          eventTypes: ['MeetingHeld'],
          pointsEach: meetingPoints,
          cap: 10,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    { id: 'good', min: 80, name: { zh: '好', en: 'Good' } },
    { id: 'poor', min: 0, name: { zh: '差', en: 'Poor' } },
  ],
});

const publish = (version: number, body: RuleSetBody) =>
  event('RuleSetPublished', { year: 2026, version, effectiveOn: '2026-01-01', body }, '2026-01-01');

const rows = (db: ReadModelDb) =>
  db.prepare('SELECT * FROM assessment_scores ORDER BY year, version, unit_id').all() as Record<string, unknown>[];

describe('the scores projection: stored, incremental, by business time, the same after a rebuild', () => {
  let dir: string;
  let db: ReadModelDb;
  let store: MemoryEventStore;
  let runner: ProjectionRunner;
  const clock = new ManualClock('2026-02-03T02:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'assessment-scores-'));
    db = openReadModelDb(join(dir, 'read-models.sqlite'));
    store = new MemoryEventStore(clock);
    runner = new ProjectionRunner(store, db, [scoresProjection]);
    for (const unit of [A, B])
      await store.append(
        `unit-${unit}`,
        [event('UnitRegistered', { unitId: unit, name: unit, type: 'public_school' }, '2025-09-01', [unit])],
        'no_stream',
      );
    await store.append('ruleset-2026', [publish(1, rules())], 'no_stream');
    await runner.start();
  });
  afterEach(async () => {
    await runner.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (stream: string, events: NewEvent[]) => {
    const { position } = await store.append(stream, events, 'any');
    await runner.waitFor(position);
  };

  test('a visit logged late counts in the month it happened, its record time shown', async () => {
    await append(`instructor-x`, [event('InstructorVisitLogged', { visitedOn: '2026-01-20' }, '2026-01-20', [A])]);
    const a = storedScore(db, 2026, 1, A)!;
    const january = a.sections[0].items.find((item) => item.period === '2026-01')!;
    expect(january).toMatchObject({ points: 0, events: [{ occurredOn: '2026-01-20' }] });
    expect(january.events[0].recordedAt.slice(0, 10)).toBe('2026-02-03');
    // B had no visit in January, judged once January ended (the log's day is 3 February).
    expect(storedScore(db, 2026, 1, B)!.total).toBe(88);
    expect(a.total).toBe(90);
  });

  test('an event re-scores only its units; a new version scores all without touching events', async () => {
    await append('meetings-a', [event('MeetingHeld', {}, '2026-01-10', [A])]);
    const before = rows(db);
    await append('meetings-a', [event('MeetingHeld', {}, '2026-01-11', [A])]);
    const after = rows(db);
    expect(after.find((row) => row.unit_id === B)).toEqual(before.find((row) => row.unit_id === B));
    expect(storedScore(db, 2026, 1, A)!.total).toBe(98);
    expect(db.prepare('SELECT count(*) AS n FROM assessment_score_dirty').get()).toEqual({ n: 0 });

    await append('ruleset-2026', [publish(2, rules(2))]);
    expect(storedScores(db, 2026, 2).map((row) => [row.unitId, row.total])).toEqual([
      [A, 92],
      [B, 88],
    ]);
    // Version 1's scores stay.
    expect(storedScore(db, 2026, 1, A)!.total).toBe(98);
  });

  test('the log passing a month end re-judges the year with no event for the unit', async () => {
    expect(storedScore(db, 2026, 1, B)!.total).toBe(88);
    clock.set('2026-03-02T02:00:00Z');
    await append('meetings-a', [event('MeetingHeld', {}, '2026-02-10', [A])]);
    // February ended without a visit to B: −2 more, though no event of B came.
    expect(storedScore(db, 2026, 1, B)!.total).toBe(86);
  });

  test('rebuilt from scratch: the same rows', async () => {
    await append('visits', [
      event('InstructorVisitLogged', {}, '2026-01-05', [A, B]),
      event('MeetingHeld', {}, '2026-01-06', [B]),
    ]);
    clock.set('2026-04-01T02:00:00Z');
    await append('meetings-b', [event('MeetingHeld', {}, '2026-03-06', [B])]);
    storedScores(db, 2026, 1);
    const live = rows(db);
    await runner.rebuild(scoresProjection.name);
    storedScores(db, 2026, 1);
    expect(rows(db)).toEqual(live);
    expect(live).toHaveLength(2);
  });
});
