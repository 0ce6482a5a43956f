import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ActivistAssessed } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const assessActivistBody = stepBody({ on: localDate(), summary: text(2000) });

export type AssessActivist = StepCommand<'AssessActivist', z.output<typeof assessActivistBody>>;

/** Step 6 (Art. 11): the branch assesses each activist every half year (A5); the first assessment completes the step. */
export const assessActivist = ({ data, metadata }: AssessActivist, state: DevelopmentCase): ActivistAssessed => {
  const open = openCase(state, 'cultivation');
  notDone(open, 'cultivation');
  follows(open, 'cultivation', data.on, metadata);
  return stepEvent<ActivistAssessed>('ActivistAssessed', open, data, { summary: data.summary });
};

export class AssessActivistCommand extends CommandMessage<AssessActivist, DevelopmentCase> {}

@CommandHandler(AssessActivistCommand)
export class AssessActivistHandler implements ICommandHandler<AssessActivistCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: AssessActivistCommand) {
    return handleStep(this.store, command, (s) => assessActivist(command, s), options);
  }
}
