import { z } from 'zod';
import { localDate, says, text } from '../../core/http/validation.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import { rectificationOwed, type Notice } from '../notice.js';
import type { NoticeClosed, RectificationReported, RectificationSentBack } from '../notices.events.js';
import { refuse, requireStatus, type NoticeCommandOf } from './notice-command.js';

export const reportRectificationBody = z.strictObject({
  unitId: z.string().uuid(),
  report: text(10_000),
  evidenceIds: z
    .array(z.string().uuid())
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: says('材料不能重复', 'a file may be cited once') }),
});

export const sendBackRectificationBody = z.strictObject({
  unitId: z.string().uuid(),
  reason: text(1000),
  expectedRevision: z.number().int().min(0).optional(),
});

export const closeNoticeBody = z.strictObject({
  closedOn: localDate(),
  comment: text(1000).nullable().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

export type ReportRectification = NoticeCommandOf<
  'ReportRectification',
  z.output<typeof reportRectificationBody> & {
    /** Of `evidenceIds`, those not on file (read from the evidence feature's read door by the route). */
    missingEvidenceIds: string[];
  }
>;
export type SendBackRectification = NoticeCommandOf<'SendBackRectification', { unitId: string; reason: string }>;
export type CloseNotice = NoticeCommandOf<'CloseNotice', { closedOn: string; comment?: string | null }>;

/**
 * 整改报告: a criticised unit reports what it did, citing evidence on file (印证资料). Once, unless the
 * bureau sent it back; after the notice was issued.
 */
export const reportRectification = ({ data, metadata }: ReportRectification, state: Notice): RectificationReported => {
  requireStatus(state, ['issued', 'circulated'], { zh: '报送整改报告', en: 'answered with a rectification report' });
  if (!state.content!.unitIds.includes(data.unitId))
    throw refuse(
      'notices.not-criticised',
      '该单位不是被通报单位，无需报送整改报告',
      'This unit is not criticised by the notice: it owes no rectification report',
      'unitId',
    );
  if (state.rectifications[data.unitId]?.status === 'reported')
    throw refuse(
      'notices.already-reported',
      `该单位已于 ${state.rectifications[data.unitId].reportedOn} 报送整改报告`,
      `This unit reported its rectification on ${state.rectifications[data.unitId].reportedOn}`,
      'unitId',
      409,
    );
  if (data.missingEvidenceIds.length > 0)
    throw refuse(
      'notices.evidence-not-on-file',
      `印证资料不存在或已撤回：${data.missingEvidenceIds.join('、')}`,
      `Evidence not on file (or withdrawn): ${data.missingEvidenceIds.join(', ')}`,
      'evidenceIds',
    );
  return {
    type: 'RectificationReported',
    data: {
      noticeId: data.noticeId,
      unitId: data.unitId,
      report: data.report,
      evidenceIds: data.evidenceIds,
      reportedOn: shanghaiDate(metadata.now),
    },
    metadata: { unitIds: [data.unitId] },
  };
};

/** 退回整改报告: the bureau finds a report wanting and says why; the unit reports again. */
export const sendBackRectification = ({ data }: SendBackRectification, state: Notice): RectificationSentBack => {
  requireStatus(state, ['issued', 'circulated'], { zh: '退回整改报告', en: 'sent back' });
  if (state.rectifications[data.unitId]?.status !== 'reported')
    throw refuse(
      'notices.no-report',
      '该单位没有待审的整改报告',
      'This unit has no rectification report to send back',
      'unitId',
      409,
    );
  return {
    type: 'RectificationSentBack',
    data: { noticeId: data.noticeId, unitId: data.unitId, reason: data.reason },
    metadata: { unitIds: [data.unitId] },
  };
};

/** 办结: once circulated and every criticised unit's rectification report is in. */
export const closeNotice = ({ data, metadata }: CloseNotice, state: Notice): NoticeClosed => {
  requireStatus(state, ['circulated'], { zh: '办结', en: 'closed' });
  if (data.closedOn > shanghaiDate(metadata.now))
    throw refuse('notices.date-in-future', '日期晚于今天', 'The date is in the future', 'closedOn');
  const owed = rectificationOwed(state);
  if (owed.length > 0)
    throw refuse(
      'notices.rectification-owed',
      `尚有 ${owed.length} 个被通报单位未报送整改报告，不能办结`,
      `${owed.length} criticised unit(s) have not reported their rectification: the notice cannot be closed`,
      undefined,
      409,
    );
  return {
    type: 'NoticeClosed',
    data: { noticeId: data.noticeId, closedOn: data.closedOn, comment: data.comment ?? null },
    metadata: { unitIds: state.content!.unitIds },
  };
};
