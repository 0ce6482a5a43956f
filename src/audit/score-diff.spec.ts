import { describe, expect, test } from '@jest/globals';
import type { ScoreAt } from '../assessment/assessment.facts.js';
import type { RecordedEvent } from '../core/messages.js';
import { recordRead } from './audit-reads.js';
import { auditReadsStream } from './audit.events.js';
import { endOfShanghaiDay, parsePoint, parseTwoPoints } from './point-in-time.js';
import { diffScores } from './score-diff.js';

const event = (id: string, position: number): RecordedEvent => ({
  id,
  stream: 'instructor-li',
  revision: position,
  position: BigInt(position),
  type: 'InstructorVisitLogged',
  data: {},
  metadata: {
    actorId: 'li',
    actorRole: 'instructor',
    commandId: id,
    correlationId: id,
    causationId: id,
    occurredAt: '2026-10-11T16:00:00.000Z',
    recordedAt: '2026-10-20T02:00:00.000Z',
    unitIds: ['u-1'],
    schemaVersion: 1,
  },
  prevHash: null,
  hash: id,
});

const scoreAt = (events: RecordedEvent[], points: number, version = 1): ScoreAt => ({
  unitId: 'u-1',
  year: 2026,
  at: {},
  asOf: '2026-10-31',
  state: {
    unitId: 'u-1',
    name: '桥山中学',
    type: 'public_school',
    events: events.length,
    byType: {},
    lastPosition: null,
  },
  version: { version, effectiveOn: '2026-01-01', publishedAt: '2026-01-01T00:00:00.000Z' },
  events,
  score: {
    unitId: 'u-1',
    year: 2026,
    asOf: '2026-10-31',
    total: points,
    grade: { id: 'good', name: { zh: '较好', en: 'Good' } },
    vetoedBy: null,
    sections: [
      {
        section: 's',
        title: { zh: '指导', en: 'Guidance' },
        maxPoints: 20,
        points,
        items: [
          {
            indicator: 'visits',
            kind: 'count',
            title: { zh: '到校指导', en: 'Visits' },
            period: '2026',
            points,
            events: events.map((e) => ({ id: e.id, type: e.type, occurredOn: '2026-10-12', recordedAt: '' })),
          },
          {
            indicator: 'other',
            kind: 'count',
            title: { zh: '其他', en: 'Other' },
            period: '2026',
            points: 0,
            events: [],
          },
        ],
      },
    ],
  },
});

describe('diffScores: what changed between two points', () => {
  test('given a visit known only at the second point, then it is added and its line gains its points', () => {
    const diff = diffScores(scoreAt([event('a', 1)], 5), scoreAt([event('a', 1), event('b', 2)], 10, 2));
    expect(diff.added.map((e) => e.id)).toEqual(['b']);
    expect(diff.removed).toEqual([]);
    expect(diff.total).toEqual({ from: 5, to: 10, change: 5 });
    expect(diff.version).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    // The unchanged line is not listed.
    expect(diff.lines).toEqual([
      expect.objectContaining({
        indicator: 'visits',
        from: 5,
        to: 10,
        change: 5,
        eventsAdded: ['b'],
        eventsRemoved: [],
      }),
    ]);
  });

  test('given the same point twice, then nothing changed', () => {
    const at = scoreAt([event('a', 1)], 5);
    expect(diffScores(at, at)).toMatchObject({ added: [], removed: [], lines: [], total: { change: 0 } });
  });

  test('given an earlier second point, then events are removed and the change is negative', () => {
    const diff = diffScores(scoreAt([event('a', 1), event('b', 2)], 10), scoreAt([event('a', 1)], 5));
    expect(diff.removed.map((e) => e.id)).toEqual(['b']);
    expect(diff.lines[0]).toMatchObject({ change: -5, eventsRemoved: ['b'] });
  });
});

describe('points in time from a query', () => {
  test('a business date counts the whole day in Asia/Shanghai', () => {
    expect(endOfShanghaiDay('2026-10-15')).toBe('2026-10-15T15:59:59.999Z');
    expect(parsePoint({ asOf: '2026-10-15' })).toEqual({ occurredBy: '2026-10-15T15:59:59.999Z' });
  });

  test('known at: a date (its end), an instant with a zone, or a position', () => {
    expect(parsePoint({ knownAt: '2026-10-15' })).toEqual({ recordedBy: '2026-10-15T15:59:59.999Z' });
    expect(parsePoint({ knownAt: '2026-10-20T10:00:00+08:00', position: '42' })).toEqual({
      recordedBy: '2026-10-20T02:00:00.000Z',
      atPosition: 42n,
    });
  });

  test('anything else is refused naming the field, both points of a diff at once', () => {
    expect(() => parsePoint({ knownAt: '2026-10-20T10:00:00' })).toThrow(/knownAt/);
    expect(() => parsePoint({ position: '0' })).toThrow(/position/);
    try {
      parseTwoPoints({ fromAsOf: '2026-02-30', toPosition: '-1' });
      throw new Error('not refused');
    } catch (error) {
      expect((error as { issues: { field: string }[] }).issues.map((issue) => issue.field)).toEqual([
        'fromAsOf',
        'toPosition',
      ]);
    }
  });
});

describe('recording a read', () => {
  test('given a read of a score, then one AuditViewed event with the view, unit, year and query as text', () => {
    expect(recordRead('score', 'u-1', 2026, { asOf: '2026-10-15', filter: { a: 1 }, empty: '' })).toEqual({
      type: 'AuditViewed',
      data: { view: 'score', unitId: 'u-1', year: 2026, query: { asOf: '2026-10-15', filter: '{"a":1}' } },
    });
  });

  test('reads go to the stream of their month in Asia/Shanghai', () => {
    expect(auditReadsStream('2026-10-31T16:30:00.000Z')).toBe('auditReads-2026-11');
  });
});
