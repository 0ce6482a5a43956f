import { Global, Module } from '@nestjs/common';
import { AttachDevelopmentRecordHandler } from './commands/attach-development-record.js';
import { SubmitApplicationHandler } from './commands/submit-application.js';
import { DevelopmentStepsController } from './development-steps.controller.js';
import { DevelopmentController } from './development.controller.js';
import { DevelopmentFacts, INTRODUCER_ELIGIBILITY } from './development.facts.js';
import { RosterIntroducerEligibility } from './introducer-eligibility.js';
import { STEP_COMMANDS } from './step-commands.js';
import { StepSender } from './step-sender.js';

const commandHandlers = [
  SubmitApplicationHandler,
  ...Object.values(STEP_COMMANDS).map((step) => step.Handler),
  AttachDevelopmentRecordHandler,
];

/**
 * Membership development (发展党员, domain.md §4): 5 stages, 25 steps, the time rules as versioned data.
 * Step handlers read the roster through the organisations' read door (OrganizationsFacts, global). Global
 * itself for its own read door: the roster follows approved cases through DevelopmentFacts.
 */
@Global()
@Module({
  controllers: [DevelopmentController, DevelopmentStepsController],
  providers: [
    ...commandHandlers,
    StepSender,
    DevelopmentFacts,
    // The roster, and who is under 留党察看 from the discipline feature's read door.
    { provide: INTRODUCER_ELIGIBILITY, useClass: RosterIntroducerEligibility },
  ],
  exports: [DevelopmentFacts],
})
export class DevelopmentModule {}
