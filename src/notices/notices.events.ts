import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * Criticism notices (通报批评, domain.md §2.1 item 4, §7.2; issue 14 part 4): the bureau names lagging units
 * in a notice, a human of the bureau approves it, it is issued under a document number, circulated to every
 * unit's secretary, acknowledged, urged (催办), answered by the criticised units' rectification reports and
 * closed. One stream per notice: `notice-<noticeId>`.
 */

/**
 * A fact the notice rests on, listed and linked: the quarterly bulletin's ranking (`bulletin`), a grade
 * below the band (`grade`), an obligation overdue (`obligation`, its id in GET /api/obligations), or words
 * of the drafter (`note`). `ref` names the record (the bulletin's stream, the obligation's id); `eventId`
 * the event behind it when known.
 */
export const NOTICE_FACT_KINDS = ['bulletin', 'grade', 'obligation', 'note'] as const;
export type NoticeFactKind = (typeof NOTICE_FACT_KINDS)[number];
export interface NoticeFact {
  kind: NoticeFactKind;
  unitId: string | null;
  ref: string | null;
  eventId: string | null;
  text: string;
}

/** What a draft says; the same shape when edited. `unitIds`: the criticised units. */
export interface NoticeContent {
  title: string;
  reason: string;
  body: string | null;
  unitIds: string[];
  facts: NoticeFact[];
}

/** `draftedBy`: the user who drafted it, who may not approve it too. */
export type NoticeDrafted = Event<'NoticeDrafted', { noticeId: string; draftedBy: string } & NoticeContent>;
export type NoticeEdited = Event<'NoticeEdited', { noticeId: string } & NoticeContent>;
export type NoticeSubmitted = Event<'NoticeSubmitted', { noticeId: string; note: string | null }>;
/** The bureau's approval (审批): a human other than the drafter. Nothing circulates before it. */
export type NoticeApproved = Event<'NoticeApproved', { noticeId: string; approvedBy: string; comment: string | null }>;
/** Approval refused: back to the drafter with a reason; editable again. */
export type NoticeReturned = Event<'NoticeReturned', { noticeId: string; reason: string }>;
/**
 * The fact assessment rules may deduct for (an indicator `deduction` on this event type): metadata.unitIds
 * are the criticised units only, so each counts it once. `rectifyBy`: the rectification report's deadline.
 */
export type CriticismNoticeIssued = Event<
  'CriticismNoticeIssued',
  {
    noticeId: string;
    documentNumber: string;
    title: string;
    reason: string;
    unitIds: string[];
    issuedOn: string;
    rectifyBy: string;
  }
>;
/**
 * Sent to every unit's secretary (a 通报 goes to all, not only the criticised). `acknowledgeBy`: the read
 * receipt's deadline; `urgeOn`: the first urging (催办) of those who have not acknowledged.
 */
export type NoticeCirculated = Event<
  'NoticeCirculated',
  { noticeId: string; unitIds: string[]; circulatedOn: string; acknowledgeBy: string; urgeOn: string }
>;
/** A secretary's read receipt for their unit: once per unit. */
export type NoticeAcknowledged = Event<
  'NoticeAcknowledged',
  { noticeId: string; unitId: string; acknowledgedOn: string; acknowledgedBy: string }
>;
/**
 * Urging (催办) of the units not acknowledged, round by round (1, 2, …), each round at most once. `nextUrgeOn`:
 * when the next round falls due, or null after the last. `automatic`: by the scheduled job, or by a person.
 */
export type NoticeUrged = Event<
  'NoticeUrged',
  { noticeId: string; round: number; unitIds: string[]; urgedOn: string; nextUrgeOn: string | null; automatic: boolean }
>;
/** A criticised unit's rectification report (整改报告): what was done, with evidence on file. */
export type RectificationReported = Event<
  'RectificationReported',
  { noticeId: string; unitId: string; report: string; evidenceIds: string[]; reportedOn: string }
>;
/** The bureau sends a rectification report back with a reason: the unit reports again. */
export type RectificationSentBack = Event<
  'RectificationSentBack',
  { noticeId: string; unitId: string; reason: string }
>;
export type NoticeClosed = Event<'NoticeClosed', { noticeId: string; closedOn: string; comment: string | null }>;
/**
 * A document number taken by a notice about to be issued, on a stream of the number's own
 * (`noticeNumber-<hash>`) appended at no_stream: of two notices issued with one number at once, one wins.
 */
export type NoticeNumberClaimed = Event<'NoticeNumberClaimed', { noticeId: string; documentNumber: string }>;

export type NoticeEvent =
  | NoticeDrafted
  | NoticeEdited
  | NoticeSubmitted
  | NoticeApproved
  | NoticeReturned
  | CriticismNoticeIssued
  | NoticeCirculated
  | NoticeAcknowledged
  | NoticeUrged
  | RectificationReported
  | RectificationSentBack
  | NoticeClosed;

/**
 * The bureau's settings for finding lagging units and the deadlines of a notice (one stream,
 * `noticeSettings-bureau`): grades counting as below the band, days an obligation must be overdue,
 * working days to acknowledge, to the first urging and between urgings, to report rectification.
 */
export interface NoticeSettings {
  lowGradeIds: string[];
  overdueDays: number;
  acknowledgeWorkingDays: number;
  urgeAfterWorkingDays: number;
  urgeRounds: number;
  rectifyWorkingDays: number;
}
export type NoticeSettingsChanged = Event<'NoticeSettingsChanged', NoticeSettings>;

export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  lowGradeIds: ['poor'],
  overdueDays: 30,
  acknowledgeWorkingDays: 3,
  urgeAfterWorkingDays: 3,
  urgeRounds: 3,
  rectifyWorkingDays: 20,
};

export const noticeStream = (noticeId: string) => streamName('notice', noticeId);
export const NOTICE_SETTINGS_STREAM = streamName('noticeSettings', 'bureau');

/** The quarterly bulletin the assessment publishes (read by its type only; its shape as the assessment writes it). */
export const BULLETIN_PUBLISHED = 'AssessmentBulletinPublished';
export interface BulletinPublishedData {
  year: number;
  period: string;
  version: number;
  publishedOn: string;
  ranking: { unitId: string; rank: number; total: number; gradeId: string }[];
  flaggedUnitIds: string[];
}

/** Every event type of criticism notices, once. */
export const NOTICE_EVENT_TYPES = eventTypes<(NoticeEvent | NoticeSettingsChanged | NoticeNumberClaimed)['type']>({
  NoticeDrafted: true,
  NoticeEdited: true,
  NoticeSubmitted: true,
  NoticeApproved: true,
  NoticeReturned: true,
  CriticismNoticeIssued: true,
  NoticeCirculated: true,
  NoticeAcknowledged: true,
  NoticeUrged: true,
  RectificationReported: true,
  RectificationSentBack: true,
  NoticeClosed: true,
  NoticeSettingsChanged: true,
  NoticeNumberClaimed: true,
});

/** Each event type in words, as the activity log and the admin show it. */
export const NOTICE_EVENT_LABELS: Record<
  (NoticeEvent | NoticeSettingsChanged | NoticeNumberClaimed)['type'],
  Bilingual
> = {
  NoticeDrafted: { zh: '起草通报批评', en: 'Criticism notice drafted' },
  NoticeEdited: { zh: '修改通报批评草稿', en: 'Criticism notice draft edited' },
  NoticeSubmitted: { zh: '通报批评提交审批', en: 'Criticism notice submitted for approval' },
  NoticeApproved: { zh: '局党委审批通过通报批评', en: 'Criticism notice approved by the bureau' },
  NoticeReturned: { zh: '通报批评退回修改', en: 'Criticism notice returned to the drafter' },
  CriticismNoticeIssued: { zh: '印发通报批评', en: 'Criticism notice issued' },
  NoticeCirculated: { zh: '通报批评下发各单位', en: 'Criticism notice circulated to every unit' },
  NoticeAcknowledged: { zh: '单位签收通报', en: 'Notice acknowledged by a unit' },
  NoticeUrged: { zh: '催办签收通报', en: 'Units urged to acknowledge the notice' },
  RectificationReported: { zh: '报送整改报告', en: 'Rectification report submitted' },
  RectificationSentBack: { zh: '整改报告退回', en: 'Rectification report sent back' },
  NoticeClosed: { zh: '通报批评办结', en: 'Criticism notice closed' },
  NoticeSettingsChanged: { zh: '修改通报批评设置', en: 'Criticism notice settings changed' },
  NoticeNumberClaimed: { zh: '占用通报文号', en: 'Notice document number taken' },
};
