import { describe, expect, test } from '@jest/globals';
import { MemoryEventStore } from '../core/event-store/memory-event-store.js';
import { ManualClock } from '../core/time/clock.js';
import { AssessmentFacts } from './assessment.facts.js';
import { puchengRuleSet } from './pucheng-rules.js';

const metadata = (occurredAt: string, unitIds: string[] = []) => ({
  actorId: 'a',
  actorRole: 'bureau_admin',
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  occurredAt,
  unitIds,
  schemaVersion: 1,
});

const visit = (on: string) => ({
  type: 'InstructorVisitLogged',
  data: { instructorId: 'li', unitId: 'u-1', visitedOn: on, duties: [] },
  metadata: metadata(`${on}T02:00:00.000Z`, ['u-1']),
});

describe('AssessmentFacts.scoreUnitAt: a unit at a point, under the rules in force then', () => {
  const setUp = async () => {
    const clock = new ManualClock('2026-10-05T02:00:00.000Z');
    const store = new MemoryEventStore(clock);
    await store.append(
      'unit-u-1',
      [
        {
          type: 'UnitRegistered',
          data: { unitId: 'u-1', name: '兴华学校', type: 'private_school', district: null, centralSchool: null },
          metadata: metadata('2025-09-01T00:00:00.000Z', ['u-1']),
        },
      ],
      'no_stream',
    );
    await store.append(
      'ruleset-2026',
      [
        {
          type: 'RuleSetDrafted',
          data: { year: 2026, body: puchengRuleSet(2026) },
          metadata: metadata('2026-01-01T00:00:00.000Z'),
        },
        {
          type: 'RuleSetPublished',
          data: { year: 2026, version: 1, effectiveOn: '2026-01-01', body: puchengRuleSet(2026) },
          metadata: metadata('2026-01-01T00:00:00.000Z'),
        },
      ],
      'no_stream',
    );
    return { clock, store, facts: new AssessmentFacts(store, clock) };
  };
  const visitPoints = (at: Awaited<ReturnType<AssessmentFacts['scoreUnitAt']>>) =>
    at
      .score!.sections.flatMap((s) => s.items)
      .filter((item) => item.events.some((e) => e.type === 'InstructorVisitLogged'));

  test('given a visit entered late, then "as of" counts it and "as known at" before its entry does not', async () => {
    const { clock, store, facts } = await setUp();
    clock.set('2026-10-20T02:00:00.000Z');
    await store.append('instructor-li', [visit('2026-10-12')], 'any');
    const asOf = await facts.scoreUnitAt('u-1', 2026, { occurredBy: '2026-10-15T15:59:59.999Z' });
    const known = await facts.scoreUnitAt('u-1', 2026, { recordedBy: '2026-10-15T15:59:59.999Z' });
    expect(asOf.state).toMatchObject({ name: '兴华学校', type: 'private_school', events: 2 });
    expect(visitPoints(asOf)).toHaveLength(1);
    expect(known.state.events).toBe(1);
    expect(visitPoints(known)).toHaveLength(0);
    expect([asOf.version?.version, known.version?.version]).toEqual([1, 1]);
  });

  test('given a snapshot of a point, when an event is backdated into it, then the point is scored again', async () => {
    const { store, facts } = await setUp();
    const point = { occurredBy: '2026-10-15T15:59:59.999Z' };
    const before = await facts.scoreUnitAt('u-1', 2026, point);
    expect(await facts.scoreUnitAt('u-1', 2026, point)).toBe(before);
    await store.append('instructor-li', [visit('2026-09-10')], 'any');
    const after = await facts.scoreUnitAt('u-1', 2026, point);
    expect(after).not.toBe(before);
    expect(after.state.events).toBe(2);
    // An event after the point (business time) leaves the snapshot as it is.
    await store.append('instructor-li', [visit('2026-11-10')], 'any');
    expect(await facts.scoreUnitAt('u-1', 2026, point)).toBe(after);
  });

  test('given no published rules known at the point, then the state without a score', async () => {
    const { facts } = await setUp();
    const at = await facts.scoreUnitAt('u-1', 2026, { atPosition: 1n });
    expect([at.version, at.score, at.state.events]).toEqual([null, null, 1]);
  });
});
