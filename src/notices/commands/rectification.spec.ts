import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { notice } from '../notice.js';
import { closeNotice, reportRectification, sendBackRectification } from './rectification.js';
import {
  approved,
  as,
  circulated,
  drafted,
  issued,
  NOTICE_ID,
  reported,
  submitted,
  UNIT_A,
  UNIT_B,
  UNIT_C,
} from './fixtures.js';

const history = [drafted, submitted, approved, issued, circulated];
const EVIDENCE = '55555555-5555-4555-8555-555555555555';
const report = (unitId: string, missingEvidenceIds: string[] = []) =>
  as('ReportRectification', { unitId, report: '已召开专题组织生活会', evidenceIds: [EVIDENCE], missingEvidenceIds });

describe('rectification and closing', () => {
  test('a criticised unit reports with evidence on file', () => {
    spec(notice)
      .given(history)
      .when((s) => reportRectification(report(UNIT_A), s))
      .then([
        {
          type: 'RectificationReported',
          data: {
            noticeId: NOTICE_ID,
            unitId: UNIT_A,
            report: '已召开专题组织生活会',
            evidenceIds: [EVIDENCE],
            reportedOn: '2026-11-23',
          },
        },
      ]);
  });

  test('only a criticised unit, once, with evidence that exists', () => {
    spec(notice)
      .given(history)
      .when((s) => reportRectification(report(UNIT_C), s))
      .thenFails('notices.not-criticised', 'unitId');
    spec(notice)
      .given([...history, reported(UNIT_A)])
      .when((s) => reportRectification(report(UNIT_A), s))
      .thenFails('notices.already-reported', 'unitId');
    spec(notice)
      .given(history)
      .when((s) => reportRectification(report(UNIT_A, [EVIDENCE]), s))
      .thenFails('notices.evidence-not-on-file', 'evidenceIds');
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => reportRectification(report(UNIT_A), s))
      .thenFails('notices.wrong-status');
  });

  test('sent back with a reason, the unit reports again', () => {
    const sentBack = {
      type: 'RectificationSentBack' as const,
      data: { noticeId: NOTICE_ID, unitId: UNIT_A, reason: '材料不全' },
    };
    spec(notice)
      .given([...history, reported(UNIT_A)])
      .when((s) => sendBackRectification(as('SendBackRectification', { unitId: UNIT_A, reason: '材料不全' }), s))
      .then([sentBack]);
    spec(notice)
      .given([...history, reported(UNIT_A), sentBack])
      .when((s) => reportRectification(report(UNIT_A), s))
      .then([expectReported(UNIT_A)]);
    spec(notice)
      .given(history)
      .when((s) => sendBackRectification(as('SendBackRectification', { unitId: UNIT_A, reason: '材料不全' }), s))
      .thenFails('notices.no-report', 'unitId');
  });

  test('closed once every criticised unit reported', () => {
    spec(notice)
      .given([...history, reported(UNIT_A)])
      .when((s) => closeNotice(as('CloseNotice', { closedOn: '2026-11-23' }), s))
      .thenFails('notices.rectification-owed');
    spec(notice)
      .given([...history, reported(UNIT_A), reported(UNIT_B)])
      .when((s) => closeNotice(as('CloseNotice', { closedOn: '2026-11-23', comment: '整改到位' }), s))
      .then([{ type: 'NoticeClosed', data: { noticeId: NOTICE_ID, closedOn: '2026-11-23', comment: '整改到位' } }]);
  });
});

function expectReported(unitId: string) {
  return {
    type: 'RectificationReported' as const,
    data: {
      noticeId: NOTICE_ID,
      unitId,
      report: '已召开专题组织生活会',
      evidenceIds: [EVIDENCE],
      reportedOn: '2026-11-23',
    },
  };
}
