import { z } from 'zod';
import { says, text } from '../../core/http/validation.js';
import type { Notice } from '../notice.js';
import { NOTICE_FACT_KINDS, type NoticeContent, type NoticeDrafted, type NoticeEdited } from '../notices.events.js';
import { refuse, requireStatus, type NoticeCommandOf } from './notice-command.js';

const noticeFact = z.strictObject({
  kind: z.enum(NOTICE_FACT_KINDS),
  unitId: z.string().uuid().nullable().optional(),
  ref: text(200).nullable().optional(),
  eventId: z.string().uuid().nullable().optional(),
  text: text(500),
});

/** A draft's content: the criticised units, why, and the facts listed with their links. */
export const noticeContentBody = z.strictObject({
  title: text(200),
  reason: text(1000),
  body: text(10_000).nullable().optional(),
  unitIds: z
    .array(z.string().uuid())
    .min(1, { message: says('请至少选择一个被通报单位', 'pick at least one unit to criticise') })
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: says('单位不能重复', 'a unit may be named once') }),
  facts: z
    .array(noticeFact)
    .min(1, { message: says('请至少列出一项事实依据', 'list at least one fact the notice rests on') })
    .max(100),
});

export const editNoticeBody = noticeContentBody.extend({ expectedRevision: z.number().int().min(0) });

type ContentInput = z.output<typeof noticeContentBody>;

export type DraftNotice = NoticeCommandOf<'DraftNotice', ContentInput & { knownUnitIds: string[] }>;
export type EditNotice = NoticeCommandOf<'EditNotice', ContentInput & { knownUnitIds: string[] }>;

/** The content as stored; every criticised unit must be a registered unit, every fact about one of them. */
const contentOf = (data: ContentInput & { knownUnitIds: string[] }): NoticeContent => {
  const unknown = data.unitIds.find((id) => !data.knownUnitIds.includes(id));
  if (unknown)
    throw refuse('notices.unknown-unit', `单位不存在：${unknown}`, `No such unit: ${unknown}`, 'unitIds', 422);
  const stray = data.facts.findIndex((f) => f.unitId && !data.unitIds.includes(f.unitId));
  if (stray >= 0)
    throw refuse(
      'notices.fact-of-other-unit',
      '事实依据所属单位不在被通报单位中',
      'A fact names a unit the notice does not criticise',
      `facts.${stray}.unitId`,
    );
  return {
    title: data.title,
    reason: data.reason,
    body: data.body ?? null,
    unitIds: data.unitIds,
    facts: data.facts.map((f) => ({
      kind: f.kind,
      unitId: f.unitId ?? null,
      ref: f.ref ?? null,
      eventId: f.eventId ?? null,
      text: f.text,
    })),
  };
};

/** 起草: a new notice, drafted by the bureau. */
export const draftNotice = ({ data, metadata }: DraftNotice, state: Notice): NoticeDrafted => {
  if (state.status !== 'none')
    throw refuse('notices.already-drafted', '该通报已存在', 'This notice already exists', 'noticeId', 409);
  const content = contentOf(data);
  return {
    type: 'NoticeDrafted',
    data: { noticeId: data.noticeId, draftedBy: metadata.actorId, ...content },
    metadata: { unitIds: content.unitIds },
  };
};

/** 修改: only a draft (new, or returned by the approver) changes; a stale form is a 409 (expectedRevision). */
export const editNotice = ({ data }: EditNotice, state: Notice): NoticeEdited => {
  requireStatus(state, ['draft'], { zh: '修改', en: 'edited' });
  const content = contentOf(data);
  return {
    type: 'NoticeEdited',
    data: { noticeId: data.noticeId, ...content },
    metadata: { unitIds: content.unitIds },
  };
};
