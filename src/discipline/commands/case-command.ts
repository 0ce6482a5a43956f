import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand, type HandleOptions } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { disciplineCase, type DisciplineCase } from '../discipline-case.js';
import { disciplineCaseStream, type DisciplineEvent } from '../discipline.events.js';

/**
 * Every decision about a case goes the one way: read the case's stream, fold, run the command's pure
 * decider (the controller names it), append at the revision read. One handler, because each decider is
 * already its own file with its spec and the stream is always the case's.
 */
export class DisciplineCaseCommand extends CommandMessage<Command, DisciplineCase> {
  constructor(
    readonly caseId: string,
    command: Command,
    readonly decide: (state: DisciplineCase) => DisciplineEvent | DisciplineEvent[],
    options: HandleOptions = {},
  ) {
    super(command, options);
  }
}

@CommandHandler(DisciplineCaseCommand)
export class DisciplineCaseHandler implements ICommandHandler<DisciplineCaseCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ caseId, command, decide, options }: DisciplineCaseCommand) {
    return handleCommand(this.store, disciplineCaseStream(caseId), disciplineCase, decide, command.metadata, options);
  }
}
