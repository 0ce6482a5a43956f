import { sqlText, type ObligationSource } from '../core/obligations.js';

const N1 = { zh: '签收通报批评', en: 'Acknowledge the criticism notice' };
const N2 = { zh: '报送通报批评整改报告', en: 'Report the rectification after a criticism notice' };

/**
 * N1: every unit a circulated notice was sent to owes its read receipt by `acknowledge_by` (working days
 * after circulation); N2: every criticised unit owes its rectification report by `rectify_by` (working days
 * after issue), again after the bureau sent one back. Closed notices owe nothing. §12 has no code for
 * either (D2's bottom-three warning letter is the bureau's own), hence N1 and N2.
 */
const acknowledgementsOwed = `SELECT 'N1.' || r.notice_id || '.' || r.unit_id AS id, 'N1' AS code,
    ${sqlText(N1.zh)} || '（' || COALESCE(n.document_number, n.title) || '）' AS title_zh,
    ${sqlText(N1.en)} || ' (' || COALESCE(n.document_number, n.title) || ')' AS title_en,
    'criticism_notice' AS subject_kind, n.id AS subject_id, n.title AS subject_name, r.unit_id AS unit_id,
    NULL AS org_id, n.acknowledge_by AS due_on, NULL AS not_before, 'branch_secretary' AS who,
    n.circulated_on AS opened_on
  FROM notices_recipients r JOIN notices n ON n.id = r.notice_id
  WHERE r.acknowledged_on IS NULL AND n.status = 'circulated'`;

const rectificationsOwed = `SELECT 'N2.' || x.notice_id || '.' || x.unit_id AS id, 'N2' AS code,
    ${sqlText(N2.zh)} || '（' || COALESCE(n.document_number, n.title) || '）' AS title_zh,
    ${sqlText(N2.en)} || ' (' || COALESCE(n.document_number, n.title) || ')' AS title_en,
    'criticism_notice' AS subject_kind, n.id AS subject_id, n.title AS subject_name, x.unit_id AS unit_id,
    NULL AS org_id, n.rectify_by AS due_on, NULL AS not_before, 'branch_secretary' AS who, n.issued_on AS opened_on
  FROM notices_rectifications x JOIN notices n ON n.id = x.notice_id
  WHERE x.status <> 'reported' AND n.status IN ('issued', 'circulated')`;

/** What criticism notices ask of units (issue 14 part 4). */
export const noticesObligations: ObligationSource = {
  codes: [
    { code: 'N1', title: N1, who: 'branch_secretary' },
    { code: 'N2', title: N2, who: 'branch_secretary' },
  ],
  openSql: `${acknowledgementsOwed} UNION ALL ${rectificationsOwed}`,
};
