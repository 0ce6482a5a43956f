import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ThoughtReportRecorded } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const recordThoughtReportBody = stepBody({ on: localDate(), summary: text(2000) });

export type RecordThoughtReport = StepCommand<'RecordThoughtReport', z.output<typeof recordThoughtReportBody>>;

/** A6 [Local]: quarterly thought reports from activists and probationary members. */
export const recordThoughtReport = (
  { data, metadata }: RecordThoughtReport,
  state: DevelopmentCase,
): ThoughtReportRecorded => {
  const open = openCase(state, 'thoughtReport');
  notDone(open, 'thoughtReport');
  follows(open, 'thoughtReport', data.on, metadata);
  return stepEvent<ThoughtReportRecorded>('ThoughtReportRecorded', open, data, { summary: data.summary });
};

export class RecordThoughtReportCommand extends CommandMessage<RecordThoughtReport, DevelopmentCase> {}

@CommandHandler(RecordThoughtReportCommand)
export class RecordThoughtReportHandler implements ICommandHandler<RecordThoughtReportCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RecordThoughtReportCommand) {
    return handleStep(this.store, command, (s) => recordThoughtReport(command, s), options);
  }
}
