import { sqlText, type ObligationSource } from '../core/obligations.js';
import { NEEDS_COMMITTEE, NEEDS_OWN_ORGANIZATION, OWN_ORG, UNIT_FACTS } from './projections/units.projection.js';

const B15 = {
  zh: '党组织委员会任期届满，按期换届选举',
  en: 'The committee’s term ends: hold the re-election',
};
const B18_OWN_ORGANIZATION = {
  zh: '单位正式党员已达3人，应单独建立党支部',
  en: 'The unit has 3 full members: set up its own branch',
};
const B18_COMMITTEE = {
  zh: '单位正式党员已达7人，应设立支部委员会',
  en: 'The unit has 7 full members: elect a branch committee',
};

/** B15: every elected committee owes a re-election when its term ends (the id names the term's end). */
const termsEnding = `SELECT 'B15.' || o.id || '.' || o.term_end AS id, 'B15' AS code,
    ${sqlText(B15.zh)} AS title_zh, ${sqlText(B15.en)} AS title_en,
    'organization' AS subject_kind, o.id AS subject_id, o.name AS subject_name,
    (SELECT CASE WHEN count(*) = 1 THEN min(pu.unit_id) END FROM party_org_units pu WHERE pu.org_id = o.id) AS unit_id,
    o.id AS org_id, o.term_end AS due_on, NULL AS not_before, 'branch_secretary' AS who, o.term_start AS opened_on
  FROM party_orgs o WHERE o.term_end IS NOT NULL`;

/** B18: a unit whose full members reach 3 needs a branch of its own, and at 7 a committee; no fixed day. */
const unitNeeds = (kind: string, title: { zh: string; en: string }, condition: string) =>
  `SELECT 'B18.' || ${sqlText(kind)} || '.' || units.id AS id, 'B18' AS code,
    ${sqlText(title.zh)} AS title_zh, ${sqlText(title.en)} AS title_en,
    'unit' AS subject_kind, units.id AS subject_id, units.name AS subject_name, units.id AS unit_id,
    COALESCE(${OWN_ORG('id')}, units.host_org_id) AS org_id, NULL AS due_on, NULL AS not_before,
    'bureau_party_committee' AS who, NULL AS opened_on
  FROM ${UNIT_FACTS} WHERE ${condition}`;

/** What the roster owes (domain.md §12 B15, B18), from the roster's own read models. */
export const rosterObligations: ObligationSource = {
  codes: [
    {
      code: 'B15',
      title: { zh: '支部委员会任期届满换届', en: 'Committee term expiry and re-election' },
      who: 'branch_secretary',
    },
    {
      code: 'B18',
      title: {
        zh: '单位达到单独建支部、设支委会的人数',
        en: 'Unit reaches 3 full members (own branch) or 7 (committee)',
      },
      who: 'bureau_party_committee',
    },
  ],
  openSql: [
    termsEnding,
    unitNeeds('own-organization', B18_OWN_ORGANIZATION, NEEDS_OWN_ORGANIZATION),
    unitNeeds('committee', B18_COMMITTEE, NEEDS_COMMITTEE),
  ].join(' UNION ALL '),
};
