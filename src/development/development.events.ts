import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';
import { uuidFrom } from '../core/ids.js';
import type { StepKey } from './development-steps.js';

/**
 * Membership development (发展党员, domain.md §4): one stream per person, one event per step. Every
 * event's data carries the person and the business date of the step (`on`); its metadata carries
 * occurredAt (that date) and the unit. No national ID number is stored: a person is an internal id.
 */
type Step<Type extends string, Data = object> = Event<
  Type,
  {
    personId: string;
    on: string;
    /** The documents the step produced (domain.md §4.2 "Record"); absent in events written before issue #5 item 6. */
    records?: StepRecord[];
  } & Data
>;

/**
 * A document a step produced, as the branch recorded it: its title and where the paper or scan is kept
 * (an archive number, a file location or a link). Events carry no files: the document itself lives in
 * the Party member archive (一人一档、一事一记、一步一审).
 */
export interface StepRecord {
  title: string;
  /** Archive number, file location or link; null when not given. */
  reference: string | null;
  /** The document's own date; null when not given. */
  on: string | null;
}

export interface Named {
  memberId: string;
  name: string;
}

/** Counts of a branch general meeting's secret ballot; probationary members are in none of them. */
export interface VoteCounts {
  /** Full members entitled to vote. */
  entitled: number;
  /** Full members entitled to vote who attended. */
  present: number;
  /** Full members absent who submitted a written opinion before the meeting (they count as votes). */
  writtenOpinions: number;
  /**
   * Probationary members who attended: they may speak but have no vote and do not count towards the
   * quorum. Absent when not stated (and in votes recorded before it was asked for): not known.
   */
  probationaryPresent?: number;
  inFavour: number;
  against: number;
  abstain: number;
}

export type Decision = 'approved' | 'not_approved';
export type ConversionOutcome = 'convert' | 'extend' | 'cancel';

// Stage 1: application
export type ApplicationSubmitted = Step<
  'ApplicationSubmitted',
  { name: string; gender: 'male' | 'female'; birthDate: string; orgId: string; unitId: string }
>;
export type ApplicantTalkHeld = Step<'ApplicantTalkHeld', { talkedBy: string; summary: string }>;
// Stage 2: activists
export type ActivistDetermined = Step<
  'ActivistDetermined',
  { recommendation: 'member_recommendation' | 'mass_org_recommendation' }
>;
export type ActivistFiled = Step<'ActivistFiled'>;
export type CultivationContactsAssigned = Step<'CultivationContactsAssigned', { contacts: Named[] }>;
export type ActivistAssessed = Step<'ActivistAssessed', { summary: string }>;
export type ThoughtReportRecorded = Step<'ThoughtReportRecorded', { summary: string }>;
// Stage 3: development candidates
export type CandidateDetermined = Step<
  'CandidateDetermined',
  { publicityFrom: string; publicityTo: string; publicityWorkingDays: number; rulesVersion: string }
>;
export type CandidateFiled = Step<'CandidateFiled'>;
export type IntroducersAppointed = Step<'IntroducersAppointed', { introducers: Named[] }>;
export type PoliticalReviewConcluded = Step<
  'PoliticalReviewConcluded',
  { conclusion: 'passed' | 'not_passed'; summary: string }
>;
export type ConcentratedTrainingCompleted = Step<
  'ConcentratedTrainingCompleted',
  { days: number; classHours: number; provider: string }
>;
// Stage 4: admission
export type BranchCommitteeReviewed = Step<'BranchCommitteeReviewed', { conclusion: 'submit' | 'not_submit' }>;
export type PreReviewConcluded = Step<
  'PreReviewConcluded',
  { conclusion: 'passed' | 'not_passed'; leavingUnitOn: string | null; delayReason: string | null }
>;
export type AdmissionFormIssued = Step<'AdmissionFormIssued'>;
export type AdmissionVoteHeld = Step<
  'AdmissionVoteHeld',
  { votes: VoteCounts; resolution: 'admit' | 'not_admit'; delayReason: string | null; rulesVersion: string }
>;
export type HigherCommitteeInterviewHeld = Step<
  'HigherCommitteeInterviewHeld',
  { interviewer: string; opinion: string }
>;
export type AdmissionApproved = Step<
  'AdmissionApproved',
  { specialReason: string | null; probationStart: string; probationEnd: string; rulesVersion: string }
>;
export type AdmissionNotApproved = Step<'AdmissionNotApproved', { reason: string }>;
export type AdmissionFiled = Step<'AdmissionFiled'>;
// Stage 5: probation and conversion
export type AssignedToBranchAndGroup = Step<'AssignedToBranchAndGroup', { orgId: string; partyGroup: string }>;
export type OathTaken = Step<'OathTaken', { delayReason: string | null }>;
export type ProbationObservationRecorded = Step<'ProbationObservationRecorded', { summary: string }>;
export type ConversionApplicationSubmitted = Step<'ConversionApplicationSubmitted'>;
export type ConversionMeetingHeld = Step<
  'ConversionMeetingHeld',
  {
    outcome: ConversionOutcome;
    extensionMonths: number | null;
    votes: VoteCounts;
    publicityFrom: string | null;
    publicityTo: string | null;
    rulesVersion: string;
  }
>;
export type ConversionApproved = Step<
  'ConversionApproved',
  {
    outcome: ConversionOutcome;
    /** convert: Party standing (党龄) runs from probation expiry, not from this approval (Art. 34). */
    partyStandingFrom: string | null;
    /** extend: the new end of probation. */
    probationEnd: string | null;
  }
>;
export type ConversionNotApproved = Step<'ConversionNotApproved', { reason: string }>;
export type MaterialsArchived = Step<'MaterialsArchived', { archive: 'personnel_file' | 'member_file' }>;

/**
 * A record attached later to a step the case has done (POST /api/development/cases/:id/records): the
 * step's own event stays as it was written. Changes nothing in the case's state.
 */
export type DevelopmentRecordAttached = Event<
  'DevelopmentRecordAttached',
  { personId: string; step: StepKey } & StepRecord
>;

/** The events of the 25 steps and the recurring records: each one folds into the case (development-case.ts). */
export type DevelopmentStepEvent =
  | ApplicationSubmitted
  | ApplicantTalkHeld
  | ActivistDetermined
  | ActivistFiled
  | CultivationContactsAssigned
  | ActivistAssessed
  | ThoughtReportRecorded
  | CandidateDetermined
  | CandidateFiled
  | IntroducersAppointed
  | PoliticalReviewConcluded
  | ConcentratedTrainingCompleted
  | BranchCommitteeReviewed
  | PreReviewConcluded
  | AdmissionFormIssued
  | AdmissionVoteHeld
  | HigherCommitteeInterviewHeld
  | AdmissionApproved
  | AdmissionNotApproved
  | AdmissionFiled
  | AssignedToBranchAndGroup
  | OathTaken
  | ProbationObservationRecorded
  | ConversionApplicationSubmitted
  | ConversionMeetingHeld
  | ConversionApproved
  | ConversionNotApproved
  | MaterialsArchived;

export type DevelopmentEvent = DevelopmentStepEvent | DevelopmentRecordAttached;

/** Every step event, once (the compiler checks the list against the union). */
const stepEventTypes: Record<DevelopmentStepEvent['type'], true> = {
  ApplicationSubmitted: true,
  ApplicantTalkHeld: true,
  ActivistDetermined: true,
  ActivistFiled: true,
  CultivationContactsAssigned: true,
  ActivistAssessed: true,
  ThoughtReportRecorded: true,
  CandidateDetermined: true,
  CandidateFiled: true,
  IntroducersAppointed: true,
  PoliticalReviewConcluded: true,
  ConcentratedTrainingCompleted: true,
  BranchCommitteeReviewed: true,
  PreReviewConcluded: true,
  AdmissionFormIssued: true,
  AdmissionVoteHeld: true,
  HigherCommitteeInterviewHeld: true,
  AdmissionApproved: true,
  AdmissionNotApproved: true,
  AdmissionFiled: true,
  AssignedToBranchAndGroup: true,
  OathTaken: true,
  ProbationObservationRecorded: true,
  ConversionApplicationSubmitted: true,
  ConversionMeetingHeld: true,
  ConversionApproved: true,
  ConversionNotApproved: true,
  MaterialsArchived: true,
};

/**
 * The step events, which every development projection folds. `DevelopmentRecordAttached` is not among
 * them: it moves no step, and only the case read model (development-cases.projection.ts) handles it.
 */
export const DEVELOPMENT_STEP_EVENT_TYPES = eventTypes(stepEventTypes);

/** Every event type of the development feature, the attached records included (the activity log labels each). */
export const DEVELOPMENT_EVENT_TYPES = eventTypes<DevelopmentEvent['type']>({
  ...stepEventTypes,
  DevelopmentRecordAttached: true,
});

/**
 * Each event type in words, as the activity log and the admin show it (choices.event.<Type>). Plain data
 * beside the events, so the compiler asks for a label whenever an event type is added.
 */
export const DEVELOPMENT_EVENT_LABELS: Record<DevelopmentEvent['type'], Bilingual> = {
  ApplicationSubmitted: { zh: '递交入党申请书', en: 'Application submitted' },
  ApplicantTalkHeld: { zh: '党组织派人谈话', en: 'Talk with the applicant held' },
  ActivistDetermined: { zh: '确定入党积极分子', en: 'Activist determined' },
  ActivistFiled: { zh: '积极分子报上级党委备案', en: 'Activist filed with the higher committee' },
  CultivationContactsAssigned: { zh: '指定培养联系人', en: 'Cultivation contacts assigned' },
  ActivistAssessed: { zh: '培养教育考察', en: 'Activist assessed' },
  ThoughtReportRecorded: { zh: '记录思想汇报', en: 'Thought report recorded' },
  CandidateDetermined: { zh: '确定发展对象', en: 'Development candidate determined' },
  CandidateFiled: { zh: '发展对象报上级党委备案', en: 'Candidate filed with the higher committee' },
  IntroducersAppointed: { zh: '确定入党介绍人', en: 'Introducers appointed' },
  PoliticalReviewConcluded: { zh: '进行政治审查', en: 'Political review concluded' },
  ConcentratedTrainingCompleted: { zh: '开展集中培训', en: 'Concentrated training completed' },
  BranchCommitteeReviewed: { zh: '支部委员会审查', en: 'Branch committee reviewed' },
  PreReviewConcluded: { zh: '上级党委预审', en: 'Pre-review concluded' },
  AdmissionFormIssued: { zh: '填写入党志愿书', en: 'Admission form issued' },
  AdmissionVoteHeld: { zh: '支部大会讨论接收预备党员', en: 'Branch general meeting on admission' },
  HigherCommitteeInterviewHeld: { zh: '上级党委派人谈话', en: "Higher committee's interview held" },
  AdmissionApproved: { zh: '上级党委批准接收预备党员', en: 'Admission approved' },
  AdmissionNotApproved: { zh: '上级党委不批准接收预备党员', en: 'Admission not approved' },
  AdmissionFiled: { zh: '再上一级党委组织部门备案', en: 'Admission filed with the next-higher committee' },
  AssignedToBranchAndGroup: { zh: '编入党支部和党小组', en: 'Assigned to branch and Party group' },
  OathTaken: { zh: '入党宣誓', en: 'Admission oath taken' },
  ProbationObservationRecorded: { zh: '继续教育考察', en: 'Probation observation recorded' },
  ConversionApplicationSubmitted: { zh: '提出转正申请', en: 'Conversion application submitted' },
  ConversionMeetingHeld: { zh: '支部大会讨论转正', en: 'Branch general meeting on conversion' },
  ConversionApproved: { zh: '上级党委批准转正决议', en: 'Conversion resolution approved' },
  ConversionNotApproved: { zh: '上级党委不批准转正决议', en: 'Conversion resolution not approved' },
  MaterialsArchived: { zh: '材料归档', en: 'Materials archived' },
  DevelopmentRecordAttached: { zh: '补充发展党员材料', en: 'Development record added' },
};

export const developmentStream = (personId: string) => streamName('development', personId);

/**
 * The roster id of the member a development case produces. Derived from the person, never random: a
 * repeated enrolment addresses the same `member-…` stream, whose decider refuses a second MemberEnrolled.
 * The roster's read model finds the member of an extended probation by it.
 */
export const memberIdOf = (personId: string): string => uuidFrom(`development:${personId}:member`);
