import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { AdmissionFiled } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const fileAdmissionBody = stepBody({ on: localDate() });

export type FileAdmission = StepCommand<'FileAdmission', z.output<typeof fileAdmissionBody>>;

/** Step 18: the approval is filed with the next-higher organisation department (A17). */
export const fileAdmission = ({ data, metadata }: FileAdmission, state: DevelopmentCase): AdmissionFiled => {
  const open = openCase(state, 'approvalFiled');
  notDone(open, 'approvalFiled');
  follows(open, 'approvalFiled', data.on, metadata);
  return stepEvent<AdmissionFiled>('AdmissionFiled', open, data, {});
};

export class FileAdmissionCommand extends CommandMessage<FileAdmission, DevelopmentCase> {}

@CommandHandler(FileAdmissionCommand)
export class FileAdmissionHandler implements ICommandHandler<FileAdmissionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: FileAdmissionCommand) {
    return handleStep(this.store, command, (s) => fileAdmission(command, s), options);
  }
}
