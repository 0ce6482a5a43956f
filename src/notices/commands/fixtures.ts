import { command } from '../../core/command-handling.js';
import { testMetadata } from '../../core/testing/decider-spec.js';
import { DEFAULT_NOTICE_SETTINGS, type NoticeEvent } from '../notices.events.js';

/** Events of one notice for the deciders' specs: two criticised units among three. */
export const NOTICE_ID = 'n-1';
export const UNIT_A = '11111111-1111-4111-8111-111111111111';
export const UNIT_B = '22222222-2222-4222-8222-222222222222';
export const UNIT_C = '33333333-3333-4333-8333-333333333333';
export const SETTINGS = DEFAULT_NOTICE_SETTINGS;

/** Metadata of a command by `actorId` on 2026-11-23 (a Monday) in Asia/Shanghai. */
export const by = (actorId: string, now = '2026-11-23T02:00:00.000Z') => ({ ...testMetadata(now), actorId });

export const as = <Type extends string, Data>(type: Type, data: Data, actorId = 'staff-1', now?: string) =>
  command(type, { noticeId: NOTICE_ID, ...data }, by(actorId, now));

export const content = {
  title: '关于对部分单位党建工作不力的通报',
  reason: '2026年第三季度考核排名靠后',
  body: null,
  unitIds: [UNIT_A, UNIT_B],
  facts: [
    {
      kind: 'bulletin' as const,
      unitId: UNIT_A,
      ref: 'bulletin-2026-2026-Q3',
      eventId: null,
      text: '季通报排名倒数第一',
    },
  ],
};

export const drafted: NoticeEvent = {
  type: 'NoticeDrafted',
  data: { noticeId: NOTICE_ID, draftedBy: 'staff-1', ...content },
};
export const submitted: NoticeEvent = { type: 'NoticeSubmitted', data: { noticeId: NOTICE_ID, note: null } };
export const approved: NoticeEvent = {
  type: 'NoticeApproved',
  data: { noticeId: NOTICE_ID, approvedBy: 'admin', comment: null },
};
export const issued: NoticeEvent = {
  type: 'CriticismNoticeIssued',
  data: {
    noticeId: NOTICE_ID,
    documentNumber: '蒲教党发〔2026〕12号',
    title: content.title,
    reason: content.reason,
    unitIds: [UNIT_A, UNIT_B],
    issuedOn: '2026-11-02',
    rectifyBy: '2026-11-30',
  },
};
export const circulated: NoticeEvent = {
  type: 'NoticeCirculated',
  data: {
    noticeId: NOTICE_ID,
    unitIds: [UNIT_A, UNIT_B, UNIT_C],
    circulatedOn: '2026-11-02',
    acknowledgeBy: '2026-11-05',
    urgeOn: '2026-11-05',
  },
};
export const acknowledged = (unitId: string): NoticeEvent => ({
  type: 'NoticeAcknowledged',
  data: { noticeId: NOTICE_ID, unitId, acknowledgedOn: '2026-11-03', acknowledgedBy: 'secretary-1' },
});
export const reported = (unitId: string): NoticeEvent => ({
  type: 'RectificationReported',
  data: { noticeId: NOTICE_ID, unitId, report: '已整改', evidenceIds: [], reportedOn: '2026-11-20' },
});
