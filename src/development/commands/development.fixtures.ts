import type { StepKey } from '../development-steps.js';
import type { DevelopmentEvent, VoteCounts } from '../development.events.js';

/** A case walked step by step, for decider specs: the dates of a plausible 2023–2026 case. */
export const DATES: Record<StepKey, string> = {
  application: '2023-03-01',
  talk: '2023-03-20',
  activist: '2023-09-01',
  activistFiled: '2023-09-05',
  contacts: '2023-09-05',
  cultivation: '2024-03-01',
  candidate: '2024-09-20',
  candidateFiled: '2024-09-23',
  introducers: '2024-09-25',
  politicalReview: '2024-10-20',
  training: '2024-10-25',
  branchReview: '2024-11-01',
  preReview: '2024-11-15',
  admissionForm: '2024-11-18',
  admissionVote: '2024-12-02',
  interview: '2024-12-10',
  approval: '2024-12-20',
  approvalFiled: '2024-12-25',
  assigned: '2024-12-26',
  oath: '2025-01-06',
  observation: '2025-06-30',
  conversionApplication: '2025-11-20',
  conversionMeeting: '2025-12-05',
  conversionApproval: '2026-01-10',
  archived: '2026-01-15',
};

export const PERSON = 'p-1';
export const votes = (overrides: Partial<VoteCounts> = {}): VoteCounts => ({
  entitled: 9,
  present: 7,
  writtenOpinions: 1,
  inFavour: 8,
  against: 0,
  abstain: 0,
  ...overrides,
});
const member = (memberId: string, name: string) => ({ memberId, name });

const EVENTS: Record<StepKey, (on: string, at: Record<StepKey, string>) => Pick<DevelopmentEvent, 'type' | 'data'>> = {
  application: (on) => ({
    type: 'ApplicationSubmitted',
    data: {
      personId: PERSON,
      on,
      name: '李明',
      gender: 'male',
      birthDate: '1995-05-10',
      orgId: 'org-1',
      unitId: 'unit-1',
    },
  }),
  talk: (on) => ({ type: 'ApplicantTalkHeld', data: { personId: PERSON, on, talkedBy: '王书记', summary: '谈话' } }),
  activist: (on) => ({
    type: 'ActivistDetermined',
    data: { personId: PERSON, on, recommendation: 'member_recommendation' },
  }),
  activistFiled: (on) => ({ type: 'ActivistFiled', data: { personId: PERSON, on } }),
  contacts: (on) => ({
    type: 'CultivationContactsAssigned',
    data: { personId: PERSON, on, contacts: [member('m-1', '王芳'), member('m-2', '赵强')] },
  }),
  cultivation: (on) => ({ type: 'ActivistAssessed', data: { personId: PERSON, on, summary: '表现良好' } }),
  candidate: (on) => ({
    type: 'CandidateDetermined',
    data: {
      personId: PERSON,
      on,
      publicityFrom: '2024-09-09',
      publicityTo: '2024-09-13',
      publicityWorkingDays: 5,
      rulesVersion: '2014',
    },
  }),
  candidateFiled: (on) => ({ type: 'CandidateFiled', data: { personId: PERSON, on } }),
  introducers: (on) => ({
    type: 'IntroducersAppointed',
    data: { personId: PERSON, on, introducers: [member('m-1', '王芳'), member('m-2', '赵强')] },
  }),
  politicalReview: (on) => ({
    type: 'PoliticalReviewConcluded',
    data: { personId: PERSON, on, conclusion: 'passed', summary: '合格' },
  }),
  training: (on) => ({
    type: 'ConcentratedTrainingCompleted',
    data: { personId: PERSON, on, days: 3, classHours: 24, provider: '县委党校' },
  }),
  branchReview: (on) => ({ type: 'BranchCommitteeReviewed', data: { personId: PERSON, on, conclusion: 'submit' } }),
  preReview: (on) => ({
    type: 'PreReviewConcluded',
    data: { personId: PERSON, on, conclusion: 'passed', leavingUnitOn: null, delayReason: null },
  }),
  admissionForm: (on) => ({ type: 'AdmissionFormIssued', data: { personId: PERSON, on } }),
  admissionVote: (on) => ({
    type: 'AdmissionVoteHeld',
    data: { personId: PERSON, on, votes: votes(), resolution: 'admit', delayReason: null, rulesVersion: '2014' },
  }),
  interview: (on) => ({
    type: 'HigherCommitteeInterviewHeld',
    data: { personId: PERSON, on, interviewer: '组织员', opinion: '同意' },
  }),
  approval: (on, at) => ({
    type: 'AdmissionApproved',
    data: {
      personId: PERSON,
      on,
      specialReason: null,
      probationStart: at.admissionVote,
      probationEnd: `${Number(at.admissionVote.slice(0, 4)) + 1}${at.admissionVote.slice(4)}`,
      rulesVersion: '2014',
    },
  }),
  approvalFiled: (on) => ({ type: 'AdmissionFiled', data: { personId: PERSON, on } }),
  assigned: (on) => ({
    type: 'AssignedToBranchAndGroup',
    data: { personId: PERSON, on, orgId: 'org-1', partyGroup: '第一党小组' },
  }),
  oath: (on) => ({ type: 'OathTaken', data: { personId: PERSON, on, delayReason: null } }),
  observation: (on) => ({ type: 'ProbationObservationRecorded', data: { personId: PERSON, on, summary: '考察' } }),
  conversionApplication: (on) => ({ type: 'ConversionApplicationSubmitted', data: { personId: PERSON, on } }),
  conversionMeeting: (on) => ({
    type: 'ConversionMeetingHeld',
    data: {
      personId: PERSON,
      on,
      outcome: 'convert',
      extensionMonths: null,
      votes: votes(),
      publicityFrom: null,
      publicityTo: null,
      rulesVersion: '2014',
    },
  }),
  conversionApproval: (on, at) => ({
    type: 'ConversionApproved',
    data: {
      personId: PERSON,
      on,
      outcome: 'convert',
      partyStandingFrom: `${Number(at.admissionVote.slice(0, 4)) + 1}${at.admissionVote.slice(4)}`,
      probationEnd: null,
    },
  }),
  archived: (on) => ({ type: 'MaterialsArchived', data: { personId: PERSON, on, archive: 'personnel_file' } }),
};

/** The events of every step up to and including `last`, with some steps' dates moved. */
export const historyUntil = (last: StepKey, moved: Partial<Record<StepKey, string>> = {}): DevelopmentEvent[] => {
  const at = { ...DATES, ...moved };
  const keys = Object.keys(EVENTS) as StepKey[];
  return keys.slice(0, keys.indexOf(last) + 1).map((key) => EVENTS[key](at[key], at) as DevelopmentEvent);
};
