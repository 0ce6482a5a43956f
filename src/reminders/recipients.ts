import type { Role } from '../core/roles.js';

/**
 * Who is reminded, from the catalogue's "Who" column (domain.md §12, identifiers of §13), as the app's roles:
 * a branch's people are its secretary's account (scoped to the organisation or its unit), an instructor is
 * the instructor dispatched to the unit, the bureau's bodies are the bureau's accounts. Members, activists
 * and probationary members have no accounts: their branch's secretary is reminded for them (the "→ branch"
 * of the catalogue).
 */
export type Audience = { roles: readonly Role[]; scoped: boolean };

const BRANCH: Audience = { roles: ['secretary'], scoped: true };
const BUREAU_OFFICE: Audience = { roles: ['bureau_admin', 'bureau_staff'], scoped: false };

const AUDIENCES: Record<string, Audience> = {
  branch_secretary: BRANCH,
  branch_committee: BRANCH,
  affiliated_party_org: BRANCH,
  party_group_leader: BRANCH,
  org_committee_member: BRANCH,
  activist: BRANCH,
  probationary_member: BRANCH,
  cultivation_contact: BRANCH,
  party_building_instructor: { roles: ['instructor'], scoped: true },
  bureau_party_committee: BUREAU_OFFICE,
  bureau_party_office: BUREAU_OFFICE,
};

/** The accounts first reminded for `who`; an identifier not listed goes to the branch, as most do. */
export const audienceOf = (who: string): Audience => AUDIENCES[who] ?? BRANCH;

/** Escalation goes up one level: to the bureau office (局党委办), whoever was reminded first. */
export const ESCALATION_AUDIENCE: Audience = BUREAU_OFFICE;
