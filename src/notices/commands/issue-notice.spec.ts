import { describe, expect, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { parseWith } from '../../core/http/validation.js';
import { notice } from '../notice.js';
import { circulateNotice, issueNotice, issueNoticeBody } from './issue-notice.js';
import {
  approved,
  as,
  content,
  drafted,
  issued,
  NOTICE_ID,
  SETTINGS,
  submitted,
  UNIT_A,
  UNIT_B,
  UNIT_C,
} from './fixtures.js';

const issue = (documentNumber: string, issuedOn = '2026-11-02', numberHeldBy: string | null = null) =>
  as('IssueNotice', { documentNumber, issuedOn, numberHeldBy, settings: SETTINGS }, 'admin');

describe('issuing and circulating', () => {
  test('issued with its document number; rectification due 20 working days later (Chinese calendar)', () => {
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => issueNotice(issue('蒲教党发〔2026〕12号'), s))
      .then([
        {
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
        },
      ]);
  });

  test('nothing is issued before approval; the number is unique and carries the year of issue', () => {
    spec(notice)
      .given([drafted, submitted])
      .when((s) => issueNotice(issue('蒲教党发〔2026〕12号'), s))
      .thenFails('notices.wrong-status');
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => issueNotice(issue('蒲教党发〔2025〕12号'), s))
      .thenFails('notices.document-number-year', 'documentNumber');
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => issueNotice(issue('蒲教党发〔2026〕12号', '2026-11-02', 'n-other'), s))
      .thenFails('notices.document-number-taken', 'documentNumber');
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => issueNotice(issue('蒲教党发〔2026〕12号', '2026-11-24'), s))
      .thenFails('notices.date-in-future', 'issuedOn');
  });

  test('the number is checked and normalised from common typing variants', () => {
    const ok = parseWith(issueNoticeBody, { documentNumber: 'X教党[２０２６]12号', issuedOn: '2026-11-02' });
    expect(ok.documentNumber).toBe('X教党〔2026〕12号');
    for (const bad of ['12号', '蒲教党发〔2026〕012号', '蒲教党发〔26〕12号', '蒲教党发2026年12号'])
      expect(() => parseWith(issueNoticeBody, { documentNumber: bad, issuedOn: '2026-11-02' })).toThrow();
  });

  test('circulated to every unit, the criticised included, with the acknowledgement and urging days', () => {
    spec(notice)
      .given([drafted, submitted, approved, issued])
      .when((s) =>
        circulateNotice(
          as('CirculateNotice', { circulatedOn: '2026-11-02', allUnitIds: [UNIT_C, UNIT_A], settings: SETTINGS }),
          s,
        ),
      )
      .then([
        {
          type: 'NoticeCirculated',
          data: {
            noticeId: NOTICE_ID,
            unitIds: [UNIT_C, UNIT_A, UNIT_B],
            circulatedOn: '2026-11-02',
            acknowledgeBy: '2026-11-05',
            urgeOn: '2026-11-05',
          },
        },
      ]);
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) =>
        circulateNotice(
          as('CirculateNotice', { circulatedOn: '2026-11-02', allUnitIds: [UNIT_C], settings: SETTINGS }),
          s,
        ),
      )
      .thenFails('notices.wrong-status');
    spec(notice)
      .given([drafted, submitted, approved, issued])
      .when((s) =>
        circulateNotice(
          as('CirculateNotice', { circulatedOn: '2026-11-01', allUnitIds: [UNIT_C], settings: SETTINGS }),
          s,
        ),
      )
      .thenFails('notices.circulated-before-issue', 'circulatedOn');
  });
});
