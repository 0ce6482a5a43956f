import { z } from 'zod';
import { localDate, says } from '../../core/http/validation.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import type { Notice } from '../notice.js';
import type { CriticismNoticeIssued, NoticeCirculated, NoticeSettings } from '../notices.events.js';
import { refuse, requireStatus, workingDaysAfter, type NoticeCommandOf } from './notice-command.js';

/**
 * A document number (文号) as the bureau writes it: the issuer's abbreviation, the year in 六角括号 〔〕 and
 * the serial number, e.g. 蒲教党发〔2019〕33号 or X教党〔2026〕12号. Full-width digits and square brackets
 * ([ ], ［ ］, 【 】) typed by mistake are normalised to the standard form before the check.
 */
const DOCUMENT_NUMBER = /^[\p{Script=Han}A-Za-z]{1,12}〔(\d{4})〕([1-9]\d{0,3})号$/u;

export const normaliseDocumentNumber = (raw: string): string =>
  raw
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[[【]/gu, '〔')
    .replace(/[\]】]/gu, '〕');

export const issueNoticeBody = z.strictObject({
  documentNumber: z
    .string()
    .max(40)
    .transform(normaliseDocumentNumber)
    .refine((value) => DOCUMENT_NUMBER.test(value), {
      message: says(
        '文号格式应为“发文机关代字〔年份〕序号号”，如 蒲教党发〔2026〕12号',
        'must read <issuer>〔<year>〕<serial>号, e.g. 蒲教党发〔2026〕12号',
      ),
    }),
  issuedOn: localDate(),
  expectedRevision: z.number().int().min(0).optional(),
});

export const circulateNoticeBody = z.strictObject({
  circulatedOn: localDate(),
  expectedRevision: z.number().int().min(0).optional(),
});

export type IssueNotice = NoticeCommandOf<
  'IssueNotice',
  {
    documentNumber: string;
    issuedOn: string;
    /** The notice already holding this number (read by the handler's caller), or null. */
    numberHeldBy: string | null;
    settings: NoticeSettings;
  }
>;

export type CirculateNotice = NoticeCommandOf<
  'CirculateNotice',
  { circulatedOn: string; allUnitIds: string[]; settings: NoticeSettings }
>;

/**
 * 印发: the approved notice gets its unique document number, whose year is the year of issue, and the
 * criticised units' rectification deadline. Its event is the fact assessment deducts for, per criticised unit.
 */
export const issueNotice = ({ data, metadata }: IssueNotice, state: Notice): CriticismNoticeIssued => {
  requireStatus(state, ['approved'], { zh: '印发', en: 'issued' });
  notInFuture(data.issuedOn, metadata, 'issuedOn', 'notices.date-in-future');
  const year = DOCUMENT_NUMBER.exec(data.documentNumber)?.[1];
  if (year !== data.issuedOn.slice(0, 4))
    throw refuse(
      'notices.document-number-year',
      `文号中的年份（${year}）应为印发年份（${data.issuedOn.slice(0, 4)}）`,
      `The year in the document number (${year}) must be the year of issue (${data.issuedOn.slice(0, 4)})`,
      'documentNumber',
    );
  if (data.numberHeldBy && data.numberHeldBy !== data.noticeId)
    throw refuse(
      'notices.document-number-taken',
      `文号 ${data.documentNumber} 已被另一份通报使用`,
      `The document number ${data.documentNumber} is already used by another notice`,
      'documentNumber',
      409,
    );
  const content = state.content!;
  return {
    type: 'CriticismNoticeIssued',
    data: {
      noticeId: data.noticeId,
      documentNumber: data.documentNumber,
      title: content.title,
      reason: content.reason,
      unitIds: content.unitIds,
      issuedOn: data.issuedOn,
      rectifyBy: workingDaysAfter(data.issuedOn, data.settings.rectifyWorkingDays),
    },
    metadata: { occurredAt: occurredOn(data.issuedOn), unitIds: content.unitIds },
  };
};

/**
 * 下发: to every unit's secretary (a 通报 goes to all units, the criticised among them), with the read
 * receipt's deadline and the first urging day counted in working days.
 */
export const circulateNotice = ({ data, metadata }: CirculateNotice, state: Notice): NoticeCirculated => {
  requireStatus(state, ['issued'], { zh: '下发', en: 'circulated' });
  notInFuture(data.circulatedOn, metadata, 'circulatedOn', 'notices.date-in-future');
  if (data.circulatedOn < state.issuedOn!)
    throw refuse(
      'notices.circulated-before-issue',
      `下发日期不能早于印发日期（${state.issuedOn}）`,
      `A notice cannot be circulated before it was issued (${state.issuedOn})`,
      'circulatedOn',
    );
  const unitIds = [...new Set([...data.allUnitIds, ...state.content!.unitIds])];
  return {
    type: 'NoticeCirculated',
    data: {
      noticeId: data.noticeId,
      unitIds,
      circulatedOn: data.circulatedOn,
      acknowledgeBy: workingDaysAfter(data.circulatedOn, data.settings.acknowledgeWorkingDays),
      urgeOn: workingDaysAfter(data.circulatedOn, data.settings.urgeAfterWorkingDays),
    },
    metadata: { occurredAt: occurredOn(data.circulatedOn), unitIds },
  };
};
