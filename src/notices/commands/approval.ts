import { z } from 'zod';
import { text } from '../../core/http/validation.js';
import type { Notice } from '../notice.js';
import type { NoticeApproved, NoticeReturned, NoticeSubmitted } from '../notices.events.js';
import { refuse, requireStatus, type NoticeCommandOf } from './notice-command.js';

export const submitNoticeBody = z.strictObject({
  note: text(1000).nullable().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});
export const approveNoticeBody = z.strictObject({
  comment: text(1000).nullable().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});
export const returnNoticeBody = z.strictObject({
  reason: text(1000),
  expectedRevision: z.number().int().min(0).optional(),
});

export type SubmitNotice = NoticeCommandOf<'SubmitNotice', { note?: string | null }>;
export type ApproveNotice = NoticeCommandOf<'ApproveNotice', { comment?: string | null }>;
export type ReturnNotice = NoticeCommandOf<'ReturnNotice', { reason: string }>;

const units = (state: Notice) => ({ unitIds: state.content?.unitIds ?? [] });

/** 提交审批: a draft goes to the bureau for approval. */
export const submitNotice = ({ data }: SubmitNotice, state: Notice): NoticeSubmitted => {
  requireStatus(state, ['draft'], { zh: '提交审批', en: 'submitted for approval' });
  return {
    type: 'NoticeSubmitted',
    data: { noticeId: data.noticeId, note: data.note ?? null },
    metadata: units(state),
  };
};

/**
 * 审批: a human of the bureau other than the drafter approves (four eyes: the drafter's own approval is
 * refused, 403). Nothing is issued or circulated before it.
 */
export const approveNotice = ({ data, metadata }: ApproveNotice, state: Notice): NoticeApproved => {
  requireStatus(state, ['submitted'], { zh: '审批', en: 'approved' });
  if (metadata.actorId === state.draftedBy)
    throw refuse(
      'notices.own-approval',
      '起草人不能审批自己起草的通报，须由局党委其他人员审批',
      'The drafter may not approve their own notice: another member of the bureau must',
      undefined,
      403,
    );
  return {
    type: 'NoticeApproved',
    data: { noticeId: data.noticeId, approvedBy: metadata.actorId, comment: data.comment ?? null },
    metadata: units(state),
  };
};

/** 退回: approval refused with a reason; the draft is edited and submitted again. */
export const returnNotice = ({ data }: ReturnNotice, state: Notice): NoticeReturned => {
  requireStatus(state, ['submitted'], { zh: '退回', en: 'returned' });
  return { type: 'NoticeReturned', data: { noticeId: data.noticeId, reason: data.reason }, metadata: units(state) };
};
