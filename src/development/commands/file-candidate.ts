import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { CandidateFiled } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const fileCandidateBody = stepBody({ on: localDate() });

export type FileCandidate = StepCommand<'FileCandidate', z.output<typeof fileCandidateBody>>;

/** Step 8 (Art. 13): the branch files the development candidate with the higher committee (A10). */
export const fileCandidate = ({ data, metadata }: FileCandidate, state: DevelopmentCase): CandidateFiled => {
  const open = openCase(state, 'candidateFiled');
  notDone(open, 'candidateFiled');
  follows(open, 'candidateFiled', data.on, metadata);
  return stepEvent<CandidateFiled>('CandidateFiled', open, data, {});
};

export class FileCandidateCommand extends CommandMessage<FileCandidate, DevelopmentCase> {}

@CommandHandler(FileCandidateCommand)
export class FileCandidateHandler implements ICommandHandler<FileCandidateCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: FileCandidateCommand) {
    return handleStep(this.store, command, (s) => fileCandidate(command, s), options);
  }
}
