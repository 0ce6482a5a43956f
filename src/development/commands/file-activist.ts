import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ActivistFiled } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const fileActivistBody = stepBody({ on: localDate() });

export type FileActivist = StepCommand<'FileActivist', z.output<typeof fileActivistBody>>;

/** Step 4 (Art. 8): the branch files the new activist with the higher committee (A3). */
export const fileActivist = ({ data, metadata }: FileActivist, state: DevelopmentCase): ActivistFiled => {
  const open = openCase(state, 'activistFiled');
  notDone(open, 'activistFiled');
  follows(open, 'activistFiled', data.on, metadata);
  return stepEvent<ActivistFiled>('ActivistFiled', open, data, {});
};

export class FileActivistCommand extends CommandMessage<FileActivist, DevelopmentCase> {}

@CommandHandler(FileActivistCommand)
export class FileActivistHandler implements ICommandHandler<FileActivistCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: FileActivistCommand) {
    return handleStep(this.store, command, (s) => fileActivist(command, s), options);
  }
}
