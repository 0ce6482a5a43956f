import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { AdmissionFormIssued } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const issueAdmissionFormBody = stepBody({ on: localDate() });

export type IssueAdmissionForm = StepCommand<'IssueAdmissionForm', z.output<typeof issueAdmissionFormBody>>;

/** Step 14: after a passed pre-review the committee issues the 入党志愿书, which the candidate fills in. */
export const issueAdmissionForm = (
  { data, metadata }: IssueAdmissionForm,
  state: DevelopmentCase,
): AdmissionFormIssued => {
  const open = openCase(state, 'admissionForm');
  notDone(open, 'admissionForm');
  follows(open, 'admissionForm', data.on, metadata);
  return stepEvent<AdmissionFormIssued>('AdmissionFormIssued', open, data, {});
};

export class IssueAdmissionFormCommand extends CommandMessage<IssueAdmissionForm, DevelopmentCase> {}

@CommandHandler(IssueAdmissionFormCommand)
export class IssueAdmissionFormHandler implements ICommandHandler<IssueAdmissionFormCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: IssueAdmissionFormCommand) {
    return handleStep(this.store, command, (s) => issueAdmissionForm(command, s), options);
  }
}
