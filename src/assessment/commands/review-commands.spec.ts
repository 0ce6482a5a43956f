import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import type { ReviewEvent } from '../assessment.events.js';
import {
  combine,
  finaliseResult,
  objectionWindowEnd,
  raiseObjection,
  reviewHistory,
  scoreManualItems,
} from './review-commands.js';

const calendar = defaultChinaCalendar();
const MANUAL = [{ id: 'site-check', maxPoints: 10 }];
const at = (day: string) => ({ occurredAt: `${day}T02:00:00.000Z`, unitIds: ['u'] });

const superiorScored = (day: string): ReviewEvent => ({
  type: 'ManualItemsScored',
  data: {
    year: 2026,
    unitId: 'u',
    version: 1,
    by: 'superior',
    items: [{ indicator: 'site-check', points: 7, comment: null }],
  },
  metadata: at(day),
});
const finalised: ReviewEvent = {
  type: 'AssessmentResultFinalised',
  data: { year: 2026, unitId: 'u', version: 1, selfTotal: 83, superiorTotal: 79, total: 80.6, gradeId: 'good' },
};

const score =
  (points: number, indicator = 'site-check') =>
  (state: Parameters<typeof scoreManualItems>[1]) =>
    scoreManualItems(
      command(
        'ScoreManualItems',
        { year: 2026, unitId: 'u', version: 1, by: 'self', items: [{ indicator, points }], manualIndicators: MANUAL },
        testMetadata(),
      ),
      state,
    );
const object = (kind: 'comment' | 'objection', now: string) => (state: Parameters<typeof raiseObjection>[1]) =>
  raiseObjection(
    command('RaiseObjection', { year: 2026, unitId: 'u', kind, text: '意见' }, testMetadata(now)),
    state,
    calendar,
  );

describe('self-assessment, superior scoring, objections and the final result', () => {
  test('manual items only, within their maximum, named by the path at fault', () => {
    spec(reviewHistory)
      .given([])
      .when(score(9))
      .then([
        {
          type: 'ManualItemsScored',
          data: {
            year: 2026,
            unitId: 'u',
            version: 1,
            by: 'self',
            items: [{ indicator: 'site-check', points: 9, comment: null }],
          },
        },
      ]);
    spec(reviewHistory).given([]).when(score(11)).thenFails('assessment.points-above-maximum', 'items[0].points');
    spec(reviewHistory)
      .given([])
      .when(score(1, 'enrolled'))
      .thenFails('assessment.not-a-manual-item', 'items[0].indicator');
  });

  test('an objection within 5 working days of the bureau’s scoring (the Chinese calendar), a comment any time', () => {
    // Scored Friday 25 September 2026: 28–30 September, then the National Day holiday (1–7 October) does
    // not count, then 8 and 9 October.
    expect(objectionWindowEnd('2026-09-25', calendar)).toBe('2026-10-09');
    const scored = spec(reviewHistory).given([superiorScored('2026-09-25')]);
    scored
      .when(object('objection', '2026-10-09T02:00:00.000Z'))
      .then([
        { type: 'AssessmentObjectionRaised', data: { year: 2026, unitId: 'u', kind: 'objection', text: '意见' } },
      ]);
    scored
      .when(object('objection', '2026-10-12T02:00:00.000Z'))
      .thenFails('assessment.objection-window-closed', 'kind');
    scored
      .when(object('comment', '2026-11-13T02:00:00.000Z'))
      .then([{ type: 'AssessmentObjectionRaised', data: { year: 2026, unitId: 'u', kind: 'comment', text: '意见' } }]);
    spec(reviewHistory)
      .given([])
      .when(object('objection', '2026-10-12T02:00:00.000Z'))
      .thenFails('assessment.nothing-to-object-to');
  });

  test('finalised once every manual item has its superior score; nothing after it', () => {
    const finalise = (state: Parameters<typeof finaliseResult>[1]) =>
      finaliseResult(
        command('FinaliseResult', { ...finalised.data, manualIndicators: MANUAL }, testMetadata()) as Parameters<
          typeof finaliseResult
        >[0],
        state,
      );
    spec(reviewHistory).given([]).when(finalise).thenFails('assessment.review-incomplete');
    spec(reviewHistory)
      .given([superiorScored('2026-09-25')])
      .when(finalise)
      .then([finalised]);
    spec(reviewHistory)
      .given([superiorScored('2026-09-25'), finalised])
      .when(score(5))
      .thenFails('assessment.result-finalised');
  });

  test('combined by the weights (Example D: 40/60), adjustments on the superior score, in exact tenths', () => {
    expect(combine(83, 81, [{ points: -2 }], { self: 40, superior: 60 })).toEqual({
      selfTotal: 83,
      superiorTotal: 79,
      total: 80.6,
    });
    expect(combine(90.1, 3, [{ points: -5 }], { self: 30, superior: 70 })).toEqual({
      selfTotal: 90.1,
      superiorTotal: 0,
      total: 27,
    });
  });
});
