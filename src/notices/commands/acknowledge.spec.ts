import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { notice } from '../notice.js';
import { acknowledgeNotice, urgeNotice } from './acknowledge.js';
import {
  acknowledged,
  approved,
  as,
  circulated,
  drafted,
  issued,
  NOTICE_ID,
  SETTINGS,
  submitted,
  UNIT_A,
  UNIT_B,
  UNIT_C,
} from './fixtures.js';

const history = [drafted, submitted, approved, issued, circulated];
const urgedRound1 = {
  type: 'NoticeUrged' as const,
  data: {
    noticeId: NOTICE_ID,
    round: 1,
    unitIds: [UNIT_B, UNIT_C],
    urgedOn: '2026-11-23',
    nextUrgeOn: '2026-11-26',
    automatic: true,
  },
};

describe('acknowledgement and urging (催办)', () => {
  test('a unit acknowledges once; not before circulation, nor for a unit it was not sent to', () => {
    spec(notice)
      .given(history)
      .when((s) => acknowledgeNotice(as('AcknowledgeNotice', { unitId: UNIT_C }, 'secretary-1'), s))
      .then([
        {
          type: 'NoticeAcknowledged',
          data: { noticeId: NOTICE_ID, unitId: UNIT_C, acknowledgedOn: '2026-11-23', acknowledgedBy: 'secretary-1' },
        },
      ]);
    spec(notice)
      .given([...history, acknowledged(UNIT_C)])
      .when((s) => acknowledgeNotice(as('AcknowledgeNotice', { unitId: UNIT_C }), s))
      .thenFails('notices.already-acknowledged', 'unitId');
    spec(notice)
      .given([drafted, submitted, approved, issued])
      .when((s) => acknowledgeNotice(as('AcknowledgeNotice', { unitId: UNIT_C }), s))
      .thenFails('notices.wrong-status');
    spec(notice)
      .given(history)
      .when((s) => acknowledgeNotice(as('AcknowledgeNotice', { unitId: '44444444-4444-4444-8444-444444444444' }), s))
      .thenFails('notices.not-a-recipient', 'unitId');
  });

  test('the scheduled round urges those not acknowledged, once, and schedules the next', () => {
    spec(notice)
      .given([...history, acknowledged(UNIT_A)])
      .when((s) => urgeNotice(as('UrgeNotice', { round: 1, settings: SETTINGS }, 'system'), s))
      .then([urgedRound1]);
    spec(notice)
      .given([...history, acknowledged(UNIT_A), urgedRound1])
      .when((s) => urgeNotice(as('UrgeNotice', { round: 1, settings: SETTINGS }, 'system'), s))
      .thenFails('notices.round-urged');
  });

  test('not before its day; not when everyone acknowledged; not past the last round', () => {
    spec(notice)
      .given(history)
      .when((s) =>
        urgeNotice(as('UrgeNotice', { round: 1, settings: SETTINGS }, 'system', '2026-11-04T02:00:00.000Z'), s),
      )
      .thenFails('notices.urge-not-due');
    spec(notice)
      .given([...history, acknowledged(UNIT_A), acknowledged(UNIT_B), acknowledged(UNIT_C)])
      .when((s) => urgeNotice(as('UrgeNotice', { round: 1, settings: SETTINGS }, 'system'), s))
      .thenFails('notices.nothing-to-urge');
    spec(notice)
      .given([...history, urgedRound1])
      .when((s) => urgeNotice(as('UrgeNotice', { round: null, settings: { ...SETTINGS, urgeRounds: 1 } }), s))
      .thenFails('notices.urge-rounds-spent');
  });

  test('a person urges the next round at any time; the last round schedules no further one', () => {
    spec(notice)
      .given([...history, urgedRound1])
      .when((s) => urgeNotice(as('UrgeNotice', { round: null, settings: { ...SETTINGS, urgeRounds: 2 } }), s))
      .then([
        {
          type: 'NoticeUrged',
          data: {
            noticeId: NOTICE_ID,
            round: 2,
            unitIds: [UNIT_A, UNIT_B, UNIT_C],
            urgedOn: '2026-11-23',
            nextUrgeOn: null,
            automatic: false,
          },
        },
      ]);
  });
});
