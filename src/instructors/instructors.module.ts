import { Global, Module } from '@nestjs/common';
import { ConfirmOrgLifeHandler } from './commands/confirm-org-life.js';
import { DispatchInstructorHandler } from './commands/dispatch-instructor.js';
import { EndDispatchHandler } from './commands/end-dispatch.js';
import { LogVisitHandler } from './commands/log-visit.js';
import { InstructorsController } from './instructors.controller.js';
import { InstructorsFacts } from './instructors.facts.js';

/**
 * Instructors' dispatches and visits (C1) and affiliated organisations' confirmations (C6). Global for its
 * read door: other features (evidence's C3, the assessment) inject InstructorsFacts without importing this module.
 */
@Global()
@Module({
  controllers: [InstructorsController],
  providers: [DispatchInstructorHandler, EndDispatchHandler, LogVisitHandler, ConfirmOrgLifeHandler, InstructorsFacts],
  exports: [InstructorsFacts],
})
export class InstructorsModule {}
