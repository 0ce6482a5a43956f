import { sqlText, type ObligationSource } from '../core/obligations.js';
import { TODAY_SQL } from '../core/time/today-sql.js';

const TITLES = {
  E1: { zh: '党内警告影响期届满（1年）', en: 'Party warning influence period ends (1 year)' },
  E2: { zh: '党内严重警告影响期届满（18个月）', en: 'Serious warning influence period ends (18 months)' },
  E3: { zh: '撤销党内职务处分影响期届满（2年）', en: 'Removal-from-post restriction ends (2 years)' },
  E4: {
    zh: '留党察看期满：支部决定恢复党员权利或开除党籍（1年期可延长至2年）',
    en: 'Probation within the Party ends: the branch decides on restoration or expulsion (1 year may extend to 2)',
  },
  E5: { zh: '恢复党员权利后任职限制届满（2年）', en: 'Post-restoration restriction ends (2 years)' },
  E6: { zh: '开除党籍满5年，可重新申请入党', en: 'Expelled person may reapply (after 5 years)' },
  E7: { zh: '政务（行政）处分期届满', en: 'Administrative sanction period ends' },
  E8: { zh: '师德失范取消评先评优资格期届满', en: 'Teacher-ethics disqualification ends' },
} as const;
type Code = keyof typeof TITLES;

const BUREAU = 'bureau_party_committee';
const WHO: Record<Code, string> = {
  E1: BUREAU,
  E2: BUREAU,
  E3: BUREAU,
  E4: 'party_branch',
  E5: BUREAU,
  E6: BUREAU,
  E7: 'bureau_office',
  E8: 'bureau_office',
};

const today = TODAY_SQL;

/**
 * One row per record whose period ends on `due`. Only E4 (the branch must decide) carries the member's unit
 * and organisation, so a secretary sees it; the others name the measure and are the bureau's alone
 * (sanction details are not for secretaries), so they carry no unit or organisation a scope could match.
 */
const ending = (code: Code, due: string, where: string, scoped: boolean) =>
  `SELECT '${code}.' || s.id AS id, '${code}' AS code, ${sqlText(TITLES[code].zh)} AS title_zh,
     ${sqlText(TITLES[code].en)} AS title_en, CASE WHEN s.member_id IS NULL THEN 'person' ELSE 'member' END AS subject_kind,
     s.person_id AS subject_id, c.name AS subject_name, ${scoped ? 's.unit_id' : 'NULL'} AS unit_id,
     ${scoped ? 's.org_id' : 'NULL'} AS org_id, ${due} AS due_on, NULL AS not_before, '${WHO[code]}' AS who,
     s.decided_on AS opened_on
   FROM discipline_sanctions s JOIN discipline_cases c ON c.id = s.case_id
   WHERE s.revoked_on IS NULL AND ${where}`;

const party = (measure: string) => `s.track = 'party' AND s.measure = '${measure}'`;
const upcoming = (due: string) => `${due} >= ${today}`;

/**
 * Discipline's deadlines (domain.md §12 E1–E8). E4 is a decision owed by the branch on the term's last day:
 * open (and overdue after it) until the probation is concluded. The others are ends of periods the
 * eligibility door applies by itself: each is published until its day passes, so the bureau sees what ends
 * soon (a member becomes eligible again, a person may reapply).
 */
export const disciplineObligations: ObligationSource = {
  codes: (Object.keys(TITLES) as Code[]).map((code) => ({ code, title: TITLES[code], who: WHO[code] })),
  openSql: [
    ending('E1', 's.last_day', `${party('warning')} AND ${upcoming('s.last_day')}`, false),
    ending('E2', 's.last_day', `${party('serious_warning')} AND ${upcoming('s.last_day')}`, false),
    ending('E3', 's.last_day', `${party('removal_from_party_posts')} AND ${upcoming('s.last_day')}`, false),
    ending('E4', 's.last_day', `${party('party_probation')} AND s.concluded IS NULL`, true),
    ending('E5', 's.restriction_last_day', `s.concluded = 'restored' AND ${upcoming('s.restriction_last_day')}`, false),
    ending('E6', 's.free_from', `${party('expulsion')} AND ${upcoming('s.free_from')}`, false),
    ending(
      'E7',
      's.last_day',
      `s.track = 'administrative' AND s.last_day IS NOT NULL AND ${upcoming('s.last_day')}`,
      false,
    ),
    `SELECT 'E8.' || d.id AS id, 'E8' AS code, ${sqlText(TITLES.E8.zh)} AS title_zh, ${sqlText(TITLES.E8.en)} AS title_en,
       CASE WHEN c.member_id IS NULL THEN 'person' ELSE 'member' END AS subject_kind, d.person_id AS subject_id,
       c.name AS subject_name, NULL AS unit_id, NULL AS org_id, d.last_day AS due_on, NULL AS not_before,
       '${WHO.E8}' AS who, d.decided_on AS opened_on
     FROM discipline_disqualifications d JOIN discipline_cases c ON c.id = d.case_id WHERE ${upcoming('d.last_day')}`,
  ].join(' UNION ALL '),
};
