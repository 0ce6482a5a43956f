import type { CommandKey } from './development-steps.js';
import type { DevelopmentStepEvent } from './development.events.js';

/** The step (or recurring record) each step event records: where its `records` show on the case. */
export const EVENT_STEP: Record<DevelopmentStepEvent['type'], CommandKey> = {
  ApplicationSubmitted: 'application',
  ApplicantTalkHeld: 'talk',
  ActivistDetermined: 'activist',
  ActivistFiled: 'activistFiled',
  CultivationContactsAssigned: 'contacts',
  ActivistAssessed: 'cultivation',
  ThoughtReportRecorded: 'thoughtReport',
  CandidateDetermined: 'candidate',
  CandidateFiled: 'candidateFiled',
  IntroducersAppointed: 'introducers',
  PoliticalReviewConcluded: 'politicalReview',
  ConcentratedTrainingCompleted: 'training',
  BranchCommitteeReviewed: 'branchReview',
  PreReviewConcluded: 'preReview',
  AdmissionFormIssued: 'admissionForm',
  AdmissionVoteHeld: 'admissionVote',
  HigherCommitteeInterviewHeld: 'interview',
  AdmissionApproved: 'approval',
  AdmissionNotApproved: 'approval',
  AdmissionFiled: 'approvalFiled',
  AssignedToBranchAndGroup: 'assigned',
  OathTaken: 'oath',
  ProbationObservationRecorded: 'observation',
  ConversionApplicationSubmitted: 'conversionApplication',
  ConversionMeetingHeld: 'conversionMeeting',
  ConversionApproved: 'conversionApproval',
  ConversionNotApproved: 'conversionApproval',
  MaterialsArchived: 'archived',
};
