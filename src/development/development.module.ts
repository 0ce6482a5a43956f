import { Module } from '@nestjs/common';
import type { Policy } from '../core/jobs/policy.js';
import type { Projection } from '../core/projections/projection.js';
import { SubmitApplicationHandler } from './commands/submit-application.js';
import { INTRODUCER_ELIGIBILITY, RosterIntroducerEligibility } from './development-facts.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DevelopmentController } from './development.controller.js';
import { developedPerYearProjection } from './projections/developed-per-year.projection.js';
import { developmentCasesProjection } from './projections/development-cases.projection.js';
import { developmentObligationsProjection } from './projections/development-obligations.projection.js';
import { probationaryMembershipJobs } from './policies/probationary-membership.jobs.js';
import { probationaryMembershipPolicy } from './policies/probationary-membership.policy.js';
import { developmentPipelineProjection } from './projections/development-pipeline.projection.js';
import { StepSender } from './step-sender.js';
import { STEP_COMMANDS } from './step-commands.js';
import { DevelopmentStepsController } from './development-steps.controller.js';
import { AttachDevelopmentRecordHandler } from './commands/attach-development-record.js';

export const developmentProjections: Projection[] = [
  developmentCasesProjection,
  developmentObligationsProjection,
  developmentPipelineProjection,
  developedPerYearProjection,
];

/** Approvals put people on the roster (issue #5); the handlers are among the providers below. */
export const developmentPolicies: Policy[] = [probationaryMembershipPolicy];

const commandHandlers = [
  SubmitApplicationHandler,
  ...Object.values(STEP_COMMANDS).map((step) => step.Handler),
  AttachDevelopmentRecordHandler,
];

/** Membership development (发展党员, domain.md §4): 5 stages, 25 steps, the time rules as versioned data. */
@Module({
  // Step handlers read roster facts (does the branch cover the unit, how many full members) from it.
  imports: [OrganizationsModule],
  controllers: [DevelopmentController, DevelopmentStepsController],
  providers: [
    ...commandHandlers,
    ...probationaryMembershipJobs,
    StepSender,
    // The conduct feature will replace this with one that knows who is under 留党察看.
    { provide: INTRODUCER_ELIGIBILITY, useClass: RosterIntroducerEligibility },
  ],
})
export class DevelopmentModule {}
