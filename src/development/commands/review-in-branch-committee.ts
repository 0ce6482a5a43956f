import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { BranchCommitteeReviewed } from '../development.events.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  passedPoliticalReview,
  stepBody,
  stepEvent,
  type StepCommand,
} from './step-support.js';

export const reviewInBranchCommitteeBody = stepBody({
  on: localDate(),
  conclusion: z.enum(['submit', 'not_submit']),
});

export type ReviewInBranchCommittee = StepCommand<
  'ReviewInBranchCommittee',
  z.output<typeof reviewInBranchCommitteeBody>
>;

/** Step 12 (Art. 19): the branch committee reviews collectively once steps 7–11 are done; its conclusion is data. */
export const reviewInBranchCommittee = (
  { data, metadata }: ReviewInBranchCommittee,
  state: DevelopmentCase,
): BranchCommitteeReviewed => {
  const open = openCase(state, 'branchReview');
  notDone(open, 'branchReview');
  passedPoliticalReview(open);
  follows(open, 'branchReview', data.on, metadata);
  return stepEvent<BranchCommitteeReviewed>('BranchCommitteeReviewed', open, data, { conclusion: data.conclusion });
};

export class ReviewInBranchCommitteeCommand extends CommandMessage<ReviewInBranchCommittee, DevelopmentCase> {}

@CommandHandler(ReviewInBranchCommitteeCommand)
export class ReviewInBranchCommitteeHandler implements ICommandHandler<ReviewInBranchCommitteeCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ReviewInBranchCommitteeCommand) {
    return handleStep(this.store, command, (s) => reviewInBranchCommittee(command, s), options);
  }
}
