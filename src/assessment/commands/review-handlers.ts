import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import { reviewStream, type ReviewEvent } from '../assessment.events.js';
import {
  adjustScore,
  finaliseResult,
  raiseObjection,
  reviewHistory,
  scoreManualItems,
  type AdjustScore,
  type FinaliseResult,
  type RaiseObjection,
  type ReviewState,
  type ScoreManualItems,
} from './review-commands.js';

export class ScoreManualItemsCommand extends CommandMessage<ScoreManualItems, ReviewState> {}
export class AdjustScoreCommand extends CommandMessage<AdjustScore, ReviewState> {}
export class RaiseObjectionCommand extends CommandMessage<RaiseObjection, ReviewState> {}
export class FinaliseResultCommand extends CommandMessage<FinaliseResult, ReviewState> {}

/** Working days by the Chinese calendar (holidays and make-up working days) for the objection window. */
const calendar = defaultChinaCalendar();

/**
 * Every review command is decided on its unit's review stream for the year (`assessmentReview-<year>-<unitId>`);
 * each handler names only its decider.
 */
abstract class ReviewHandler<
  C extends CommandMessage<ScoreManualItems | AdjustScore | RaiseObjection | FinaliseResult, ReviewState>,
> {
  constructor(@Inject(EVENT_STORE) protected readonly store: EventStore) {}

  protected abstract decide(command: C['command'], state: ReviewState): ReviewEvent | ReviewEvent[];

  execute({ command, options }: C) {
    const { year, unitId } = command.data;
    return handleCommand(
      this.store,
      reviewStream(year, unitId),
      reviewHistory,
      (state) => this.decide(command, state),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(ScoreManualItemsCommand)
export class ScoreManualItemsHandler
  extends ReviewHandler<ScoreManualItemsCommand>
  implements ICommandHandler<ScoreManualItemsCommand>
{
  protected decide = scoreManualItems;
}

@CommandHandler(AdjustScoreCommand)
export class AdjustScoreHandler
  extends ReviewHandler<AdjustScoreCommand>
  implements ICommandHandler<AdjustScoreCommand>
{
  protected decide = adjustScore;
}

@CommandHandler(RaiseObjectionCommand)
export class RaiseObjectionHandler
  extends ReviewHandler<RaiseObjectionCommand>
  implements ICommandHandler<RaiseObjectionCommand>
{
  protected decide = (command: RaiseObjection, state: ReviewState) => raiseObjection(command, state, calendar);
}

@CommandHandler(FinaliseResultCommand)
export class FinaliseResultHandler
  extends ReviewHandler<FinaliseResultCommand>
  implements ICommandHandler<FinaliseResultCommand>
{
  protected decide = finaliseResult;
}
