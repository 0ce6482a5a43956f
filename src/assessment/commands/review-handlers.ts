import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import { reviewStream } from '../assessment.events.js';
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

abstract class ReviewHandler {
  constructor(@Inject(EVENT_STORE) protected readonly store: EventStore) {}
}

@CommandHandler(ScoreManualItemsCommand)
export class ScoreManualItemsHandler extends ReviewHandler implements ICommandHandler<ScoreManualItemsCommand> {
  execute({ command, options }: ScoreManualItemsCommand) {
    const { year, unitId } = command.data;
    return handleCommand(
      this.store,
      reviewStream(year, unitId),
      reviewHistory,
      (state) => scoreManualItems(command, state),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(AdjustScoreCommand)
export class AdjustScoreHandler extends ReviewHandler implements ICommandHandler<AdjustScoreCommand> {
  execute({ command, options }: AdjustScoreCommand) {
    const { year, unitId } = command.data;
    return handleCommand(
      this.store,
      reviewStream(year, unitId),
      reviewHistory,
      (state) => adjustScore(command, state),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(RaiseObjectionCommand)
export class RaiseObjectionHandler extends ReviewHandler implements ICommandHandler<RaiseObjectionCommand> {
  execute({ command, options }: RaiseObjectionCommand) {
    const { year, unitId } = command.data;
    return handleCommand(
      this.store,
      reviewStream(year, unitId),
      reviewHistory,
      (state) => raiseObjection(command, state, calendar),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(FinaliseResultCommand)
export class FinaliseResultHandler extends ReviewHandler implements ICommandHandler<FinaliseResultCommand> {
  execute({ command, options }: FinaliseResultCommand) {
    const { year, unitId } = command.data;
    return handleCommand(
      this.store,
      reviewStream(year, unitId),
      reviewHistory,
      (state) => finaliseResult(command, state),
      command.metadata,
      options,
    );
  }
}
