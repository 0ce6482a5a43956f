import { sqlText, type ObligationSource } from '../core/obligations.js';
import { EVIDENCE_CATEGORY_STAGE_SUMMARY } from './evidence.events.js';
import {
  EVIDENCE_CALENDAR,
  EVIDENCE_FILES,
  EVIDENCE_ORG_UNITS,
  EVIDENCE_ORGS,
} from './projections/evidence-files.projection.js';

const C3 = {
  zh: '挂靠党组织提交半年阶段性总结并归档过程资料',
  en: 'The affiliated organisation files its half-year stage summary and process evidence',
};

/** Half-years back from the latest one C3 lists: two years' worth, the current half included. */
const HALVES_BACK = 3;

/**
 * C3 (seed 004 §三.3, domain.md §12): each affiliated Party organisation owes a stage summary per
 * half-year, due the half's last day (30 June, 31 December), done when a 'stage-summary' of that year and
 * half is on file. Halves run from the organisation's founding up to the half of the latest day the store
 * recorded anything (evidence_calendar), at most two years back. Instructors' stage summaries are filed
 * the same way (subject: the instructor) but not listed as owed here: which instructors are dispatched is
 * the instructors feature's to say, and it had not landed when this was written.
 * A half is numbered `year * 2 + (0 for H1, 1 for H2)`.
 */
const stageSummariesOwed = `WITH RECURSIVE back(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM back WHERE n < ${HALVES_BACK}),
  latest(h) AS (SELECT CAST(substr(latest_day, 1, 4) AS INTEGER) * 2 + (CAST(substr(latest_day, 6, 2) AS INTEGER) > 6)
    FROM ${EVIDENCE_CALENDAR}),
  owed(org_id, name, founded_on, h) AS (
    SELECT o.id, o.name, o.founded_on, latest.h - back.n FROM ${EVIDENCE_ORGS} o, latest, back
    WHERE o.kind = 'affiliated_party_org'
      AND latest.h - back.n >= CAST(substr(o.founded_on, 1, 4) AS INTEGER) * 2 + (CAST(substr(o.founded_on, 6, 2) AS INTEGER) > 6))
  SELECT 'C3.' || owed.org_id || '.' || (owed.h / 2) || 'H' || (owed.h % 2 + 1) AS id, 'C3' AS code,
    ${sqlText(C3.zh)} AS title_zh, ${sqlText(C3.en)} AS title_en,
    'organization' AS subject_kind, owed.org_id AS subject_id, owed.name AS subject_name,
    (SELECT CASE WHEN count(*) = 1 THEN min(u.unit_id) END FROM ${EVIDENCE_ORG_UNITS} u WHERE u.org_id = owed.org_id) AS unit_id,
    owed.org_id AS org_id,
    (owed.h / 2) || CASE owed.h % 2 WHEN 0 THEN '-06-30' ELSE '-12-31' END AS due_on, NULL AS not_before,
    'branch_secretary' AS who,
    max(owed.founded_on, (owed.h / 2) || CASE owed.h % 2 WHEN 0 THEN '-01-01' ELSE '-07-01' END) AS opened_on
  FROM owed WHERE NOT EXISTS (SELECT 1 FROM ${EVIDENCE_FILES} f WHERE f.org_id = owed.org_id
    AND f.category = ${sqlText(EVIDENCE_CATEGORY_STAGE_SUMMARY)} AND f.status = 'filed'
    AND f.year = owed.h / 2 AND f.half = CASE owed.h % 2 WHEN 0 THEN 'H1' ELSE 'H2' END)`;

/** What the evidence feature publishes (domain.md §12 C3), from its own read model. */
export const evidenceObligations: ObligationSource = {
  codes: [
    {
      code: 'C3',
      title: { zh: '阶段性总结和过程资料分类归档、随时备查', en: 'Stage summaries and process evidence filed' },
      who: 'branch_secretary',
    },
  ],
  openSql: stageSummariesOwed,
};
