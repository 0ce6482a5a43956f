import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand, type HandleOptions } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { commendationCycle, type CommendationCycle } from '../commendation-cycle.js';
import { commendationCycleStream, type CommendationEvent } from '../commendations.events.js';

/** Every decision of a cycle goes one way: the cycle's stream, folded, the command's pure decider, appended. */
export class CommendationCycleCommand extends CommandMessage<Command, CommendationCycle> {
  constructor(
    readonly cycleId: string,
    command: Command,
    readonly decide: (state: CommendationCycle) => CommendationEvent | CommendationEvent[],
    options: HandleOptions = {},
  ) {
    super(command, options);
  }
}

@CommandHandler(CommendationCycleCommand)
export class CommendationCycleHandler implements ICommandHandler<CommendationCycleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ cycleId, command, decide, options }: CommendationCycleCommand) {
    return handleCommand(
      this.store,
      commendationCycleStream(cycleId),
      commendationCycle,
      decide,
      command.metadata,
      options,
    );
  }
}
