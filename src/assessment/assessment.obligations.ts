import { sqlText, type ObligationSource } from '../core/obligations.js';
import { TODAY_SQL } from '../core/time/today-sql.js';

const D2 = { zh: '发布季度考核通报（末三位便函预警）', en: 'Publish the quarterly bulletin (bottom three warned)' };

/**
 * D2 (domain.md §12): every quarter of a year with published rules, once it has ended, owes its bulletin
 * (季通报) until one is published. The catalogue says only "quarterly"; the due day taken here is the
 * 15th of the month after the quarter (an assumption to confirm with the bureau, §14). Quarters of
 * years before last are no longer anyone's open task.
 */
const bulletinsOwed = `SELECT 'D2.' || v.year || '-Q' || q.n AS id, 'D2' AS code,
    ${sqlText(D2.zh)} || '（' || v.year || ' 年第 ' || q.n || ' 季度）' AS title_zh,
    ${sqlText(D2.en)} || ' (' || v.year || '-Q' || q.n || ')' AS title_en,
    'bulletin' AS subject_kind, v.year || '-' || v.year || '-Q' || q.n AS subject_id,
    v.year || ' 年第 ' || q.n || ' 季度通报' AS subject_name, NULL AS unit_id, NULL AS org_id,
    date(v.year || '-01-01', '+' || (q.n * 3) || ' months', '+14 days') AS due_on, NULL AS not_before,
    'bureau_party_office' AS who,
    date(v.year || '-01-01', '+' || (q.n * 3) || ' months') AS opened_on
  FROM (SELECT DISTINCT year FROM assessment_rule_set_versions) v
  JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) q
    ON date(v.year || '-01-01', '+' || (q.n * 3) || ' months') <= ${TODAY_SQL}
  WHERE v.year >= CAST(substr(${TODAY_SQL}, 1, 4) AS INTEGER) - 1
    AND NOT EXISTS (SELECT 1 FROM assessment_bulletins b WHERE b.year = v.year AND b.period = v.year || '-Q' || q.n)`;

/** What the bureau owes for the assessment (domain.md §12 D2). */
export const assessmentObligations: ObligationSource = {
  codes: [{ code: 'D2', title: D2, who: 'bureau_party_office' }],
  openSql: bulletinsOwed,
};
