import { sqlText, type ObligationSource } from '../core/obligations.js';

const D5 = { zh: '“两优一先”推荐和公示', en: '两优一先 nominations and publicity' };
const D6 = { zh: '作出“两优一先”表彰决定', en: 'Commendation decision' };
const E9 = {
  zh: '评先评优资格审查（一票否决）：表彰决定前再次审查',
  en: 'Commendation eligibility check (one-vote veto) before the decision',
};

/**
 * D5: a cycle's nominations are due (open until its publicity starts); D6: its decision is due (open until
 * decided); E9: each nomination still in the running is checked again at publicity and decision (the veto
 * itself is automatic), owed by the decision's due date, and shown to the nominating organisation.
 */
export const commendationsObligations: ObligationSource = {
  codes: [
    { code: 'D5', title: D5, who: 'party_branch' },
    { code: 'D6', title: D6, who: 'bureau_party_committee' },
    { code: 'E9', title: E9, who: 'bureau_party_committee' },
  ],
  openSql: `SELECT 'D5.' || c.id AS id, 'D5' AS code, ${sqlText(D5.zh)} AS title_zh, ${sqlText(D5.en)} AS title_en,
      'commendationCycle' AS subject_kind, c.id AS subject_id, c.name AS subject_name, NULL AS unit_id, NULL AS org_id,
      c.nominations_due_on AS due_on, NULL AS not_before, 'party_branch' AS who, c.opened_on AS opened_on
    FROM commendation_cycles c WHERE c.publicity_from IS NULL
    UNION ALL
    SELECT 'D6.' || c.id, 'D6', ${sqlText(D6.zh)}, ${sqlText(D6.en)}, 'commendationCycle', c.id, c.name, NULL, NULL,
      c.decision_due_on, c.publicity_to, 'bureau_party_committee', c.opened_on
    FROM commendation_cycles c WHERE c.decided_on IS NULL
    UNION ALL
    SELECT 'E9.' || n.id, 'E9', ${sqlText(E9.zh)}, ${sqlText(E9.en)}, 'commendationCycle', c.id, n.nominee_name,
      n.unit_id, n.org_id, c.decision_due_on, NULL, 'bureau_party_committee', n.nominated_on
    FROM commendation_nominations n JOIN commendation_cycles c ON c.id = n.cycle_id
    WHERE n.status = 'nominated' AND c.decided_on IS NULL`,
};
