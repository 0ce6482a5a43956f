import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { HigherCommitteeInterviewHeld } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const holdHigherCommitteeInterviewBody = stepBody({
  on: localDate(),
  interviewer: text(50),
  opinion: text(2000),
});

export type HoldHigherCommitteeInterview = StepCommand<
  'HoldHigherCommitteeInterview',
  z.output<typeof holdHigherCommitteeInterviewBody>
>;

/** Step 16: a committee member or organiser (组织员) talks with the candidate before approval. */
export const holdHigherCommitteeInterview = (
  { data, metadata }: HoldHigherCommitteeInterview,
  state: DevelopmentCase,
): HigherCommitteeInterviewHeld => {
  const open = openCase(state, 'interview');
  notDone(open, 'interview');
  follows(open, 'interview', data.on, metadata);
  return stepEvent<HigherCommitteeInterviewHeld>('HigherCommitteeInterviewHeld', open, data, {
    interviewer: data.interviewer,
    opinion: data.opinion,
  });
};

export class HoldHigherCommitteeInterviewCommand extends CommandMessage<
  HoldHigherCommitteeInterview,
  DevelopmentCase
> {}

@CommandHandler(HoldHigherCommitteeInterviewCommand)
export class HoldHigherCommitteeInterviewHandler implements ICommandHandler<HoldHigherCommitteeInterviewCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: HoldHigherCommitteeInterviewCommand) {
    return handleStep(this.store, command, (s) => holdHigherCommitteeInterview(command, s), options);
  }
}
