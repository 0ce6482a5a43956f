import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ProbationObservationRecorded } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const recordProbationObservationBody = stepBody({ on: localDate(), summary: text(2000) });

export type RecordProbationObservation = StepCommand<
  'RecordProbationObservation',
  z.output<typeof recordProbationObservationBody>
>;

/** Step 21: continued education and observation of the probationary member (half-yearly, local). */
export const recordProbationObservation = (
  { data, metadata }: RecordProbationObservation,
  state: DevelopmentCase,
): ProbationObservationRecorded => {
  const open = openCase(state, 'observation');
  notDone(open, 'observation');
  follows(open, 'observation', data.on, metadata);
  return stepEvent<ProbationObservationRecorded>('ProbationObservationRecorded', open, data, {
    summary: data.summary,
  });
};

export class RecordProbationObservationCommand extends CommandMessage<RecordProbationObservation, DevelopmentCase> {}

@CommandHandler(RecordProbationObservationCommand)
export class RecordProbationObservationHandler implements ICommandHandler<RecordProbationObservationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RecordProbationObservationCommand) {
    return handleStep(this.store, command, (s) => recordProbationObservation(command, s), options);
  }
}
