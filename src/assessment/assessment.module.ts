import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller.js';
import { PublishBulletinHandler } from './commands/bulletin-handlers.js';
import {
  AdjustScoreHandler,
  FinaliseResultHandler,
  RaiseObjectionHandler,
  ScoreManualItemsHandler,
} from './commands/review-handlers.js';
import { DraftRuleSetHandler, EditRuleSetDraftHandler, PublishRuleSetHandler } from './commands/rule-set-handlers.js';
import { AssessmentTodayFunction } from './today-function.js';

/** The annual target-responsibility assessment: rules per year in versions, scores computed from events. */
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
    AssessmentTodayFunction,
  ],
})
export class AssessmentModule {}
