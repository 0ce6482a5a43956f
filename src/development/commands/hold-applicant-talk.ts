import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ApplicantTalkHeld } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const holdApplicantTalkBody = stepBody({ on: localDate(), talkedBy: text(50), summary: text(2000) });

export type HoldApplicantTalk = StepCommand<'HoldApplicantTalk', z.output<typeof holdApplicantTalkBody>>;

/** Step 2 (Art. 7): the talk is due within a month (A1); a late talk is still recorded and the reminder shows it. */
export const holdApplicantTalk = ({ data, metadata }: HoldApplicantTalk, state: DevelopmentCase): ApplicantTalkHeld => {
  const open = openCase(state, 'talk');
  notDone(open, 'talk');
  follows(open, 'talk', data.on, metadata);
  return stepEvent<ApplicantTalkHeld>('ApplicantTalkHeld', open, data, {
    talkedBy: data.talkedBy,
    summary: data.summary,
  });
};

export class HoldApplicantTalkCommand extends CommandMessage<HoldApplicantTalk, DevelopmentCase> {}

@CommandHandler(HoldApplicantTalkCommand)
export class HoldApplicantTalkHandler implements ICommandHandler<HoldApplicantTalkCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: HoldApplicantTalkCommand) {
    return handleStep(this.store, command, (s) => holdApplicantTalk(command, s), options);
  }
}
