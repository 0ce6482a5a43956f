import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller.js';
import { DraftRuleSetHandler, EditRuleSetDraftHandler, PublishRuleSetHandler } from './commands/rule-set-handlers.js';

/** The annual target-responsibility assessment: rules per year in versions, scores computed from events. */
@Module({
  controllers: [AssessmentController],
  providers: [DraftRuleSetHandler, EditRuleSetDraftHandler, PublishRuleSetHandler],
})
export class AssessmentModule {}
