import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/** Unit types (domain.md §1.2, §13). */
export const UNIT_TYPES = [
  'public_school',
  'private_school',
  'private_kindergarten',
  'offcampus_training_institution',
  'bureau_organ',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<UnitType, { zh: string; en: string }> = {
  public_school: { zh: '公办中小学', en: 'Public primary/secondary school' },
  private_school: { zh: '民办学校', en: 'Private school' },
  private_kindergarten: { zh: '民办幼儿园', en: 'Private kindergarten' },
  offcampus_training_institution: { zh: '校外培训机构', en: 'Off-campus training institution' },
  bureau_organ: { zh: '局机关及直属单位', en: 'Bureau organ or directly affiliated unit' },
};

/** Kinds of Party organisation (domain.md §1.1, §13). */
export const ORG_KINDS = [
  'basic_party_committee',
  'general_branch',
  'party_branch',
  'joint_branch',
  'affiliated_party_org',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  basic_party_committee: { zh: '党委', en: 'Party committee' },
  general_branch: { zh: '党总支', en: 'General branch' },
  party_branch: { zh: '党支部', en: 'Party branch' },
  joint_branch: { zh: '联合党支部', en: 'Joint branch' },
  affiliated_party_org: { zh: '挂靠党组织', en: 'Affiliated Party organisation' },
};

/** Posts in a Party organisation (domain.md §1.3). */
export const POSITION_TITLES = [
  'branch_secretary',
  'deputy_secretary',
  'org_committee_member',
  'publicity_committee_member',
  'discipline_committee_member',
  'committee_member',
  'group_leader',
] as const;
export type PositionTitle = (typeof POSITION_TITLES)[number];

export const POSITION_TITLE_LABELS: Record<PositionTitle, { zh: string; en: string }> = {
  branch_secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  org_committee_member: { zh: '组织委员', en: 'Organisation committee member' },
  publicity_committee_member: { zh: '宣传委员', en: 'Publicity committee member' },
  discipline_committee_member: { zh: '纪检委员', en: 'Discipline committee member' },
  committee_member: { zh: '委员', en: 'Committee member' },
  group_leader: { zh: '党小组长', en: 'Party group leader' },
};

export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, { zh: string; en: string }> = {
  full: { zh: '正式党员', en: 'Full member' },
  probationary: { zh: '预备党员', en: 'Probationary member' },
};

export const GENDER_LABELS: Record<'male' | 'female', { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

/** `probation_cancelled`: 取消预备党员资格, recorded by the development feature's policy (domain.md §4 step 24). */
export const REMOVAL_REASONS = [
  'transferred_out_of_county',
  'deceased',
  'expelled',
  'lapsed',
  'probation_cancelled',
  'other',
] as const;

// Units ------------------------------------------------------------------------------------------
export type UnitRegistered = Event<
  'UnitRegistered',
  { unitId: string; name: string; type: UnitType; district: string | null; centralSchool: string | null }
>;
export type UnitRenamed = Event<'UnitRenamed', { unitId: string; name: string; previousName: string }>;
/** A unit with fewer than 3 full members is affiliated to a host organisation (挂靠). */
export type UnitAffiliated = Event<'UnitAffiliated', { unitId: string; hostOrgId: string; since: string }>;
export type UnitAffiliationEnded = Event<'UnitAffiliationEnded', { unitId: string; hostOrgId: string; on: string }>;
export type UnitEvent = UnitRegistered | UnitRenamed | UnitAffiliated | UnitAffiliationEnded;

// Party organisations -----------------------------------------------------------------------------
export type PartyOrganizationFounded = Event<
  'PartyOrganizationFounded',
  {
    orgId: string;
    name: string;
    kind: OrgKind;
    parentId: string | null;
    unitIds: string[];
    foundedOn: string;
    /** A basic-level Party committee with approval authority (see ApprovalAuthorityGranted); absent in older events: none. */
    approvalAuthority?: boolean;
  }
>;
/**
 * A basic-level Party committee is given the authority to approve new members (具有审批权限的基层党委,
 * domain.md §4.1), or loses it: only such a committee pre-reviews, interviews, approves and files
 * (steps 13, 16–18 and 24). A general branch or a branch never has it.
 */
export type ApprovalAuthorityGranted = Event<'ApprovalAuthorityGranted', { orgId: string; on: string }>;
export type ApprovalAuthorityWithdrawn = Event<'ApprovalAuthorityWithdrawn', { orgId: string; on: string }>;
/** A committee elected for a term (B15 counts its expiry); the first election or a re-election (换届). */
export type CommitteeElected = Event<'CommitteeElected', { orgId: string; termStart: string; termEnd: string }>;
export type PositionAssigned = Event<
  'PositionAssigned',
  {
    orgId: string;
    positionId: string;
    memberId: string;
    title: PositionTitle;
    from: string;
    /** 双向进入、交叉任职: the administrative post the holder also has (e.g. 校长), if any. */
    crossAppointment: string | null;
  }
>;
export type PositionEnded = Event<'PositionEnded', { orgId: string; positionId: string; to: string }>;
export type PartyOrganizationEvent =
  | PartyOrganizationFounded
  | ApprovalAuthorityGranted
  | ApprovalAuthorityWithdrawn
  | CommitteeElected
  | PositionAssigned
  | PositionEnded;

// Members -----------------------------------------------------------------------------------------
/** No national ID number is stored anywhere: a member is known by an internal id, name and dates. */
export type MemberEnrolled = Event<
  'MemberEnrolled',
  {
    memberId: string;
    name: string;
    gender: 'male' | 'female';
    birthDate: string | null;
    orgId: string;
    unitId: string;
    category: MemberCategory;
    /** 入党时间: the branch meeting that admitted the member. */
    joinedOn: string | null;
    post: string | null;
    teaches: boolean;
  }
>;
export type MemberTransferred = Event<
  'MemberTransferred',
  { memberId: string; fromOrgId: string; toOrgId: string; fromUnitId: string; toUnitId: string; on: string }
>;
export type MemberCategoryChanged = Event<
  'MemberCategoryChanged',
  { memberId: string; category: MemberCategory; on: string }
>;
export type MemberRemoved = Event<
  'MemberRemoved',
  { memberId: string; reason: (typeof REMOVAL_REASONS)[number]; on: string }
>;
export type MemberEvent = MemberEnrolled | MemberTransferred | MemberCategoryChanged | MemberRemoved;

// Unique names -------------------------------------------------------------------------------------
/** A unit's or organisation's name taken by `ownerId`, on `unitName-…`/`partyOrgName-…` (name-claims.ts). */
export type NameClaimed = Event<'NameClaimed', { ownerId: string; name: string }>;

export const unitStream = (unitId: string) => streamName('unit', unitId);
export const partyOrgStream = (orgId: string) => streamName('partyOrg', orgId);
export const memberStream = (memberId: string) => streamName('member', memberId);

/**
 * Every event type of units, Party organisations, their posts and members, once.
 */
export const ORGANIZATION_EVENT_TYPES = eventTypes<
  (UnitEvent | PartyOrganizationEvent | MemberEvent | NameClaimed)['type']
>({
  UnitRegistered: true,
  UnitRenamed: true,
  UnitAffiliated: true,
  UnitAffiliationEnded: true,
  PartyOrganizationFounded: true,
  ApprovalAuthorityGranted: true,
  ApprovalAuthorityWithdrawn: true,
  CommitteeElected: true,
  PositionAssigned: true,
  PositionEnded: true,
  MemberEnrolled: true,
  MemberTransferred: true,
  MemberCategoryChanged: true,
  MemberRemoved: true,
  NameClaimed: true,
});

/**
 * Each event type in words, as the activity log and the admin show it (choices.event.<Type>). Plain data
 * beside the events, so the compiler asks for a label whenever an event type is added.
 */
export const ORGANIZATION_EVENT_LABELS: Record<
  (UnitEvent | PartyOrganizationEvent | MemberEvent | NameClaimed)['type'],
  Bilingual
> = {
  UnitRegistered: { zh: '登记单位', en: 'Unit registered' },
  UnitRenamed: { zh: '单位更名', en: 'Unit renamed' },
  UnitAffiliated: { zh: '单位挂靠', en: 'Unit affiliated' },
  UnitAffiliationEnded: { zh: '解除挂靠', en: 'Affiliation ended' },
  PartyOrganizationFounded: { zh: '成立党组织', en: 'Organisation founded' },
  ApprovalAuthorityGranted: { zh: '授予审批权限', en: 'Approval authority granted' },
  ApprovalAuthorityWithdrawn: { zh: '撤销审批权限', en: 'Approval authority withdrawn' },
  CommitteeElected: { zh: '选举委员会', en: 'Committee elected' },
  PositionAssigned: { zh: '任职', en: 'Position assigned' },
  PositionEnded: { zh: '免职', en: 'Position ended' },
  MemberEnrolled: { zh: '党员登记', en: 'Member enrolled' },
  MemberTransferred: { zh: '党员转接', en: 'Member transferred' },
  MemberCategoryChanged: { zh: '党员类别变更', en: 'Member category changed' },
  MemberRemoved: { zh: '党员减少', en: 'Member removed' },
  NameClaimed: { zh: '名称登记（防重名）', en: 'Name claimed (unique names)' },
};
