import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import type { AssessmentBulletinPublished, BulletinRank } from '../assessment.events.js';
import { bottomThree, bulletinHistory, periodEnd, publishBulletin } from './bulletin-commands.js';

const row = (unitId: string, rank: number, total: number): BulletinRank => ({ unitId, rank, total, gradeId: 'good' });
const RANKING = [row('a', 1, 95), row('b', 2, 90), row('c', 3, 80), row('d', 3, 80), row('e', 5, 70)];

const publish =
  (period: string, publishedOn: string | null = null, ranking = RANKING, now = '2026-11-23T02:00:00.000Z') =>
  (state: Parameters<typeof publishBulletin>[1]) =>
    publishBulletin(
      command('PublishBulletin', { year: 2026, period, version: 1, publishedOn, ranking }, testMetadata(now)),
      state,
    );

const published = (period: string, publishedOn: string): AssessmentBulletinPublished => ({
  type: 'AssessmentBulletinPublished',
  data: { year: 2026, period, version: 1, publishedOn, ranking: RANKING, flaggedUnitIds: ['c', 'd', 'e'] },
});

describe('quarterly bulletins (季通报) and the year-end result', () => {
  test('a quarter that has ended is published once, the bottom three flagged; twice is a 409', () => {
    spec(bulletinHistory)
      .given([])
      .when(publish('2026-Q3', '2026-10-10'))
      .then([published('2026-Q3', '2026-10-10')]);
    spec(bulletinHistory)
      .given([published('2026-Q3', '2026-10-10')])
      .when(publish('2026-Q3'))
      .thenFails('assessment.bulletin-exists', 'period');
  });

  test('the event names every ranked unit and happens on its publication day', () => {
    const event = publish('2026-Q2', '2026-07-15')(bulletinHistory.initialState());
    expect(event.metadata).toEqual({ occurredAt: '2026-07-14T16:00:00.000Z', unitIds: ['a', 'b', 'c', 'd', 'e'] });
    // Published today when no day is given.
    expect(publish('2026-Q2')(bulletinHistory.initialState()).data.publishedOn).toBe('2026-11-23');
  });

  test('refused: a period still running, of another year, a day before its end or in the future, nothing to rank', () => {
    const fresh = spec(bulletinHistory).given([]);
    fresh.when(publish('2026-Q4')).thenFails('assessment.bulletin-period-open', 'period');
    fresh.when(publish('2026')).thenFails('assessment.bulletin-period-open', 'period');
    fresh.when(publish('2025-Q4')).thenFails('assessment.bulletin-period-year', 'period');
    fresh.when(publish('2026-Q1', '2026-03-30')).thenFails('assessment.bulletin-before-period-end', 'publishedOn');
    fresh.when(publish('2026-Q1', '2026-12-01')).thenFails('assessment.date-in-future', 'publishedOn');
    fresh.when(publish('2026-Q1', null, [])).thenFails('assessment.bulletin-empty');
  });

  test('the bottom three are the last three places, never a unit sharing first place', () => {
    expect(bottomThree(RANKING)).toEqual(['c', 'd', 'e']);
    expect(bottomThree([row('a', 1, 90), row('b', 1, 90), row('c', 3, 80)])).toEqual(['c']);
    expect([periodEnd('2026-Q1'), periodEnd('2026-Q2'), periodEnd('2026-Q4'), periodEnd('2026')]).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-12-31',
      '2026-12-31',
    ]);
  });
});
