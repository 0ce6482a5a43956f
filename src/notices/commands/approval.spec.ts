import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { notice } from '../notice.js';
import { approveNotice, returnNotice, submitNotice } from './approval.js';
import { as, drafted, NOTICE_ID, submitted } from './fixtures.js';

describe('approval by the bureau', () => {
  test('a submitted draft is approved by another member of the bureau', () => {
    spec(notice)
      .given([drafted])
      .when((s) => submitNotice(as('SubmitNotice', {}), s))
      .then([{ type: 'NoticeSubmitted', data: { noticeId: NOTICE_ID, note: null } }]);
    spec(notice)
      .given([drafted, submitted])
      .when((s) => approveNotice(as('ApproveNotice', { comment: '同意' }, 'admin'), s))
      .then([{ type: 'NoticeApproved', data: { noticeId: NOTICE_ID, approvedBy: 'admin', comment: '同意' } }]);
  });

  test('never by the drafter; never before it is submitted', () => {
    spec(notice)
      .given([drafted, submitted])
      .when((s) => approveNotice(as('ApproveNotice', {}, 'staff-1'), s))
      .thenFails('notices.own-approval');
    spec(notice)
      .given([drafted])
      .when((s) => approveNotice(as('ApproveNotice', {}, 'admin'), s))
      .thenFails('notices.wrong-status');
    spec(notice)
      .given([])
      .when((s) => approveNotice(as('ApproveNotice', {}, 'admin'), s))
      .thenFails('not-found');
  });

  test('returned with a reason, it is a draft again and may be submitted again', () => {
    spec(notice)
      .given([drafted, submitted])
      .when((s) => returnNotice(as('ReturnNotice', { reason: '事实不清' }, 'admin'), s))
      .then([{ type: 'NoticeReturned', data: { noticeId: NOTICE_ID, reason: '事实不清' } }]);
    spec(notice)
      .given([drafted, submitted, { type: 'NoticeReturned', data: { noticeId: NOTICE_ID, reason: '事实不清' } }])
      .when((s) => submitNotice(as('SubmitNotice', { note: '已补充' }), s))
      .then([{ type: 'NoticeSubmitted', data: { noticeId: NOTICE_ID, note: '已补充' } }]);
  });
});
