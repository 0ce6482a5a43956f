import { sqlText, type ObligationSource } from '../core/obligations.js';
import { MEMBERS_TARGET, TEACHERS_TARGET } from './progress.js';

const WHO = 'helper_school_secretary';

const C2 = {
  zh: '帮建学校年度书面总结及印证资料（11月30日前）',
  en: 'Helper school’s year-end written summary (by 30 November)',
};
const C4 = {
  zh: '帮扶期内完成目标：培训骨干教师不少于3名、发展新党员不少于3名、“五个规范”达标',
  en: 'Pairing targets within the term: ≥3 backbone teachers trained, ≥3 new members, the norms met',
};

/** Counts of the facts each target counts, as SQL over this feature's read model (`p`: the pairing). */
const TEACHERS = '(SELECT count(*) FROM pairing_teachers t WHERE t.pairing_id = p.id)';
const MEMBERS = `(SELECT count(*) FROM pairing_admissions a WHERE a.unit_id IN (SELECT value FROM json_each(p.helped_unit_ids))
  AND a.on_date BETWEEN p.start_on AND p.ends_on)`;
const NORMS_MET = `(SELECT count(*) FROM pairing_norm_status s JOIN pairing_norm_list l ON l.key = s.norm_key
  WHERE s.pairing_id = p.id AND s.met = 1)`;
const NORMS = '(SELECT count(*) FROM pairing_norm_list)';

const c4 = (target: string, zh: string, en: string, open: string) =>
  `SELECT 'C4.' || p.id || '.${target}' AS id, 'C4' AS code, ${sqlText(zh)} AS title_zh, ${sqlText(en)} AS title_en,
     'pairing' AS subject_kind, p.id AS subject_id, p.name AS subject_name, p.helper_unit_id AS unit_id,
     p.helper_org_id AS org_id, p.ends_on AS due_on, NULL AS not_before, '${WHO}' AS who, p.start_on AS opened_on
   FROM pairing_pairings p WHERE p.status = 'active' AND ${open}`;

/**
 * The pairing communities' deadlines (domain.md §12): C2, each year's written summary due 30 November while
 * the term runs, done when a year-end summary for the pairing and year is on file (the evidence feature's
 * EvidenceFiled, not withdrawn); C4, each target not yet met by the term's last day (progress against the
 * straight-line pace is on the pairing's page). C5's one-to-one records are evidence for C2, not a deadline.
 */
export const pairingObligations: ObligationSource = {
  codes: [
    { code: 'C2', title: C2, who: WHO },
    { code: 'C4', title: C4, who: WHO },
  ],
  openSql: `SELECT 'C2.' || d.pairing_id || '.' || d.year AS id, 'C2' AS code,
      d.year || '年度' || ${sqlText(C2.zh)} AS title_zh, ${sqlText(C2.en)} || ' ' || d.year AS title_en,
      'pairing' AS subject_kind, p.id AS subject_id, p.name AS subject_name, p.helper_unit_id AS unit_id,
      p.helper_org_id AS org_id, d.due_on, NULL AS not_before, '${WHO}' AS who, p.start_on AS opened_on
    FROM pairing_summary_due d JOIN pairing_pairings p ON p.id = d.pairing_id
    WHERE NOT EXISTS (SELECT 1 FROM pairing_summaries s WHERE s.pairing_id = d.pairing_id AND s.year = d.year
      AND s.withdrawn = 0)
    UNION ALL ${c4('teachers', `培训骨干教师不少于${TEACHERS_TARGET}名`, `At least ${TEACHERS_TARGET} backbone teachers trained`, `${TEACHERS} < ${TEACHERS_TARGET}`)}
    UNION ALL ${c4('members', `结对学校发展新党员不少于${MEMBERS_TARGET}名`, `At least ${MEMBERS_TARGET} new members in the helped schools`, `${MEMBERS} < ${MEMBERS_TARGET}`)}
    UNION ALL ${c4('norms', '“五个规范”全部达标', 'Every norm met', `${NORMS_MET} < ${NORMS}`)}`,
};
