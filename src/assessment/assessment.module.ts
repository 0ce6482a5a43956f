import { Global, Module } from '@nestjs/common';
import { AssessmentFacts } from './assessment.facts.js';
import { AssessmentController } from './assessment.controller.js';
import { PublishBulletinHandler } from './commands/bulletin-handlers.js';
import {
  AdjustScoreHandler,
  FinaliseResultHandler,
  RaiseObjectionHandler,
  ScoreManualItemsHandler,
} from './commands/review-handlers.js';
import { DraftRuleSetHandler, EditRuleSetDraftHandler, PublishRuleSetHandler } from './commands/rule-set-handlers.js';

/**
 * The annual target-responsibility assessment: rules per year in versions, scores computed from events.
 * Global for its read door (AssessmentFacts: a unit's score at any point in time, for the audit).
 */
@Global()
@Module({
  controllers: [AssessmentController],
  providers: [
    DraftRuleSetHandler,
    EditRuleSetDraftHandler,
    PublishRuleSetHandler,
    PublishBulletinHandler,
    ScoreManualItemsHandler,
    AdjustScoreHandler,
    RaiseObjectionHandler,
    FinaliseResultHandler,
    AssessmentFacts,
  ],
  exports: [AssessmentFacts],
})
export class AssessmentModule {}
