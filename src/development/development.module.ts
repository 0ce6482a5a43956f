import { Global, Module } from '@nestjs/common';
import type { Projection } from '../core/projections/projection.js';
import { AppointIntroducersHandler } from './commands/appoint-introducers.js';
import { ArchiveMaterialsHandler } from './commands/archive-materials.js';
import { AssessActivistHandler } from './commands/assess-activist.js';
import { AssignCultivationContactsHandler } from './commands/assign-cultivation-contacts.js';
import { AssignToBranchAndGroupHandler } from './commands/assign-to-branch-and-group.js';
import { CompleteConcentratedTrainingHandler } from './commands/complete-concentrated-training.js';
import { ConcludePoliticalReviewHandler } from './commands/conclude-political-review.js';
import { ConcludePreReviewHandler } from './commands/conclude-pre-review.js';
import { DecideAdmissionHandler } from './commands/decide-admission.js';
import { DecideConversionHandler } from './commands/decide-conversion.js';
import { DetermineActivistHandler } from './commands/determine-activist.js';
import { DetermineCandidateHandler } from './commands/determine-candidate.js';
import { FileActivistHandler } from './commands/file-activist.js';
import { FileAdmissionHandler } from './commands/file-admission.js';
import { FileCandidateHandler } from './commands/file-candidate.js';
import { HoldAdmissionVoteHandler } from './commands/hold-admission-vote.js';
import { HoldApplicantTalkHandler } from './commands/hold-applicant-talk.js';
import { HoldConversionMeetingHandler } from './commands/hold-conversion-meeting.js';
import { HoldHigherCommitteeInterviewHandler } from './commands/hold-higher-committee-interview.js';
import { IssueAdmissionFormHandler } from './commands/issue-admission-form.js';
import { RecordProbationObservationHandler } from './commands/record-probation-observation.js';
import { RecordThoughtReportHandler } from './commands/record-thought-report.js';
import { ReviewInBranchCommitteeHandler } from './commands/review-in-branch-committee.js';
import { SubmitApplicationHandler } from './commands/submit-application.js';
import { SubmitConversionApplicationHandler } from './commands/submit-conversion-application.js';
import { TakeOathHandler } from './commands/take-oath.js';
import { DevelopmentAdmissionController } from './development-admission.controller.js';
import { DevelopmentCultivationController } from './development-cultivation.controller.js';
import { DevelopmentFacts, INTRODUCER_ELIGIBILITY } from './development.facts.js';
import { RosterIntroducerEligibility } from './introducer-eligibility.js';
import { DevelopmentController } from './development.controller.js';
import { developedPerYearProjection } from './projections/developed-per-year.projection.js';
import { developmentCasesProjection } from './projections/development-cases.projection.js';
import { developmentObligationsProjection } from './projections/development-obligations.projection.js';
import { developmentPipelineProjection } from './projections/development-pipeline.projection.js';
import { StepSender } from './step-sender.js';
import { AttachDevelopmentRecordHandler } from './commands/attach-development-record.js';
import { DevelopmentRecordsController } from './development-records.controller.js';

export const developmentProjections: Projection[] = [
  developmentCasesProjection,
  developmentObligationsProjection,
  developmentPipelineProjection,
  developedPerYearProjection,
];

const commandHandlers = [
  SubmitApplicationHandler,
  HoldApplicantTalkHandler,
  DetermineActivistHandler,
  FileActivistHandler,
  AssignCultivationContactsHandler,
  AssessActivistHandler,
  RecordThoughtReportHandler,
  DetermineCandidateHandler,
  FileCandidateHandler,
  AppointIntroducersHandler,
  ConcludePoliticalReviewHandler,
  CompleteConcentratedTrainingHandler,
  ReviewInBranchCommitteeHandler,
  ConcludePreReviewHandler,
  IssueAdmissionFormHandler,
  HoldAdmissionVoteHandler,
  HoldHigherCommitteeInterviewHandler,
  DecideAdmissionHandler,
  FileAdmissionHandler,
  AssignToBranchAndGroupHandler,
  TakeOathHandler,
  RecordProbationObservationHandler,
  SubmitConversionApplicationHandler,
  HoldConversionMeetingHandler,
  DecideConversionHandler,
  ArchiveMaterialsHandler,
  AttachDevelopmentRecordHandler,
];

/**
 * Membership development (发展党员, domain.md §4): 5 stages, 25 steps, the time rules as versioned data.
 * Step handlers read the roster through the organisations' read door (OrganizationsFacts, global). Global
 * itself for its own read door: the roster follows approved cases through DevelopmentFacts.
 */
@Global()
@Module({
  controllers: [
    DevelopmentController,
    DevelopmentCultivationController,
    DevelopmentAdmissionController,
    DevelopmentRecordsController,
  ],
  providers: [
    ...commandHandlers,
    StepSender,
    DevelopmentFacts,
    // The conduct feature will replace this with one that knows who is under 留党察看.
    { provide: INTRODUCER_ELIGIBILITY, useClass: RosterIntroducerEligibility },
  ],
  exports: [DevelopmentFacts],
})
export class DevelopmentModule {}
