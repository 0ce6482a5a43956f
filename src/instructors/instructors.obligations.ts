import { sqlText, type ObligationSource } from '../core/obligations.js';
import { TODAY_SQL } from '../core/time/today-sql.js';

const C1 = { zh: '党建工作指导员每月到派驻单位指导', en: 'Instructor visits each assigned unit every month' };
const C6 = {
  zh: '挂靠党组织每月确认所属单位党员参加组织生活',
  en: 'Affiliated organisation confirms its units’ members attended organisational life',
};

/**
 * The months still published: the current one and the eleven before it. A month longer ago that went
 * without a visit or a confirmation stays missed in the calendar and the read door (what an assessment
 * counts), but is no longer anyone's open task to be reminded of: the bureau's escalation is yearly.
 * `from`–`to` (SQL for a day each) is the span that owes; one BETWEEN over the months' key, with today
 * read once per query (an uncorrelated subquery), keeps it an index search of at most twelve months.
 */
const monthsOwed = (from: string, to: string) =>
  `m.month BETWEEN max(substr(${from}, 1, 7), (SELECT substr(date(${TODAY_SQL}, 'start of month', '-11 months'), 1, 7)))
    AND min(substr(COALESCE(${to}, '9999-12-31'), 1, 7), (SELECT substr(${TODAY_SQL}, 1, 7)))`;

/**
 * C1: for every month a dispatch covers (from its start to its end, up to the current month, within the last year), a visit
 * is owed by the month's last day; open until one is logged (past months without one stay open and
 * overdue: a visit made then may still be logged late). One row per instructor × unit × month. The
 * current month is judged by the injected clock through {@link TODAY_SQL}.
 */
const visitsOwed = `SELECT 'C1.' || d.instructor_id || '.' || d.unit_id || '.' || m.month AS id, 'C1' AS code,
    ${sqlText(C1.zh)} || '（' || COALESCE(p.display_name, d.instructor_id) || '）' AS title_zh,
    ${sqlText(C1.en)} || ' (' || COALESCE(p.display_name, d.instructor_id) || ')' AS title_en,
    'unit' AS subject_kind, d.unit_id AS subject_id, u.name AS subject_name, d.unit_id AS unit_id, NULL AS org_id,
    m.last_day AS due_on, NULL AS not_before, 'party_building_instructor' AS who,
    max(min(d.start_on), m.first_day) AS opened_on
  FROM instructors_dispatches d
  JOIN instructors_months m ON ${monthsOwed('d.start_on', 'd.end_on')}
  LEFT JOIN instructors_people p ON p.id = d.instructor_id
  LEFT JOIN instructors_units u ON u.id = d.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM instructors_visits v
    WHERE v.instructor_id = d.instructor_id AND v.unit_id = d.unit_id AND v.month = m.month)
  GROUP BY d.instructor_id, d.unit_id, m.month`;

/**
 * C6: for every month an organisation hosts at least one unit (挂靠) for a day, up to the current month and within the last year,
 * a confirmation is owed by the month's last day; open until confirmed.
 */
const confirmationsOwed = `SELECT 'C6.' || a.host_org_id || '.' || m.month AS id, 'C6' AS code,
    ${sqlText(C6.zh)} AS title_zh, ${sqlText(C6.en)} AS title_en,
    'organization' AS subject_kind, a.host_org_id AS subject_id, o.name AS subject_name,
    CASE WHEN count(DISTINCT a.unit_id) = 1 THEN min(a.unit_id) END AS unit_id, a.host_org_id AS org_id,
    m.last_day AS due_on, NULL AS not_before, 'affiliated_party_org' AS who,
    max(min(a.since), m.first_day) AS opened_on
  FROM instructors_affiliations a
  JOIN instructors_months m ON ${monthsOwed('a.since', 'a.until')}
  LEFT JOIN instructors_orgs o ON o.id = a.host_org_id
  WHERE NOT EXISTS (SELECT 1 FROM instructors_confirmations c WHERE c.org_id = a.host_org_id AND c.month = m.month)
  GROUP BY a.host_org_id, m.month`;

/** What instructors and affiliated organisations owe (domain.md §12 C1, C6). */
export const instructorsObligations: ObligationSource = {
  codes: [
    { code: 'C1', title: C1, who: 'party_building_instructor' },
    { code: 'C6', title: C6, who: 'affiliated_party_org' },
  ],
  openSql: `${visitsOwed} UNION ALL ${confirmationsOwed}`,
};
