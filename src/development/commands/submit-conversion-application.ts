import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ConversionApplicationSubmitted } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const submitConversionApplicationBody = stepBody({ on: localDate() });

export type SubmitConversionApplication = StepCommand<
  'SubmitConversionApplication',
  z.output<typeof submitConversionApplicationBody>
>;

/** Step 22 (Art. 32): the probationary member applies in writing for full membership, around expiry (A19). */
export const submitConversionApplication = (
  { data, metadata }: SubmitConversionApplication,
  state: DevelopmentCase,
): ConversionApplicationSubmitted => {
  const open = openCase(state, 'conversionApplication');
  notDone(open, 'conversionApplication');
  follows(open, 'conversionApplication', data.on, metadata);
  return stepEvent<ConversionApplicationSubmitted>('ConversionApplicationSubmitted', open, data, {});
};

export class SubmitConversionApplicationCommand extends CommandMessage<SubmitConversionApplication, DevelopmentCase> {}

@CommandHandler(SubmitConversionApplicationCommand)
export class SubmitConversionApplicationHandler implements ICommandHandler<SubmitConversionApplicationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: SubmitConversionApplicationCommand) {
    return handleStep(this.store, command, (s) => submitConversionApplication(command, s), options);
  }
}
