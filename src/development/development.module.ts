import { Module } from '@nestjs/common';
import { SubmitApplicationHandler } from './commands/submit-application.js';
import { INTRODUCER_ELIGIBILITY, RosterIntroducerEligibility } from './development-facts.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { DevelopmentController } from './development.controller.js';
import { probationaryMembershipJobs } from './policies/probationary-membership.jobs.js';
import { StepSender } from './step-sender.js';
import { STEP_COMMANDS } from './step-commands.js';
import { DevelopmentStepsController } from './development-steps.controller.js';
import { AttachDevelopmentRecordHandler } from './commands/attach-development-record.js';

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
    // The jobs of the probationary-membership policy (approvals put people on the roster, issue #5).
    ...probationaryMembershipJobs,
    StepSender,
    // The conduct feature will replace this with one that knows who is under 留党察看.
    { provide: INTRODUCER_ELIGIBILITY, useClass: RosterIntroducerEligibility },
  ],
})
export class DevelopmentModule {}
