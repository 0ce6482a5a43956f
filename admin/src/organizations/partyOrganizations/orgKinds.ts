/** Kinds of Party organisation, as src/organizations/organizations.events.ts lists them (labels under choices.orgKind). */
export const ORG_KINDS = [
  'basic_party_committee',
  'general_branch',
  'party_branch',
  'joint_branch',
  'affiliated_party_org',
] as const;

export const orgKindChoices = ORG_KINDS.map((id) => ({ id, name: `choices.orgKind.${id}` }));

/** Kinds that may host (挂靠) a small unit: not a plain branch (src/organizations/commands/affiliate-unit.ts). */
export const HOST_KINDS = ['affiliated_party_org', 'joint_branch', 'general_branch', 'basic_party_committee'];

/** Posts in an organisation (src/organizations/organizations.events.ts, labels under choices.positionTitle). */
export const POSITION_TITLES = [
  'branch_secretary',
  'deputy_secretary',
  'org_committee_member',
  'publicity_committee_member',
  'discipline_committee_member',
  'committee_member',
  'group_leader',
] as const;

export const positionTitleChoices = POSITION_TITLES.map((id) => ({ id, name: `choices.positionTitle.${id}` }));
