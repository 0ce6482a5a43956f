import { sqlText, type ObligationSource } from '../core/obligations.js';
import { OBLIGATION_RULES, type ObligationRule } from './obligation-rules.js';
import { TRACKED_FROM_SQL } from './projections/orglife-calendar.projection.js';

const APPLIES: Record<ObligationRule['applies'], string> = {
  all: '1',
  committee: 'b.committee_since IS NOT NULL AND b.committee_since <= p.ends_on',
  groups: 'EXISTS (SELECT 1 FROM orglife_group_leaders g WHERE g.org_id = b.org_id)',
};

/**
 * One rule's open obligations: every period of the calendar (orglife_calendar: from the first meeting on
 * record to the latest day anything was recorded) after the branch was founded, with no meeting of the kind
 * that counts. The id names the branch and the period, so it stays the same obligation until met.
 */
const openFor = (rule: ObligationRule) => `SELECT ${sqlText(rule.code)} || '.' || b.org_id || '.' || p.period AS id,
    ${sqlText(rule.code)} AS code, ${sqlText(rule.title.zh)} AS title_zh, ${sqlText(rule.title.en)} AS title_en,
    'organization' AS subject_kind, b.org_id AS subject_id, b.name AS subject_name, b.unit_id AS unit_id,
    b.org_id AS org_id, p.ends_on AS due_on, p.starts_on AS not_before, ${sqlText(rule.who)} AS who,
    p.starts_on AS opened_on
  FROM orglife_branches b JOIN orglife_periods p ON p.period_kind = ${sqlText(rule.period)}
  WHERE b.keeps_org_life = 1 AND p.ends_on >= b.founded_on
    AND p.starts_on <= (SELECT last_on FROM orglife_span) AND p.ends_on >= ${TRACKED_FROM_SQL}
    AND ${APPLIES[rule.applies]}
    AND NOT EXISTS (SELECT 1 FROM orglife_meetings m WHERE m.org_id = b.org_id AND m.kind = ${sqlText(rule.kind)}
      AND m.counts = 1 AND m.held_on BETWEEN p.starts_on AND p.ends_on)`;

/** B1–B7: the meetings each branch owes per month, quarter or year (domain.md §9.2, §12). */
export const organizationalLifeObligations: ObligationSource = {
  codes: OBLIGATION_RULES.map(({ code, title, who }) => ({ code, title, who })),
  openSql: OBLIGATION_RULES.map(openFor).join(' UNION ALL '),
};
