import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { PoliticalReviewConcluded } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const concludePoliticalReviewBody = stepBody({
  on: localDate(),
  conclusion: z.enum(['passed', 'not_passed']),
  summary: text(4000),
});

export type ConcludePoliticalReview = StepCommand<
  'ConcludePoliticalReview',
  z.output<typeof concludePoliticalReviewBody>
>;

/**
 * Step 10 (Arts. 15–16): the reviewers' conclusion is theirs, recorded as given. A review that did not pass
 * may be concluded again (e.g. after further letters); nobody who has not passed may be admitted.
 */
export const concludePoliticalReview = (
  { data, metadata }: ConcludePoliticalReview,
  state: DevelopmentCase,
): PoliticalReviewConcluded => {
  const open = openCase(state, 'politicalReview');
  notDone(open, 'politicalReview');
  follows(open, 'politicalReview', data.on, metadata);
  return stepEvent<PoliticalReviewConcluded>('PoliticalReviewConcluded', open, data, {
    conclusion: data.conclusion,
    summary: data.summary,
  });
};

export class ConcludePoliticalReviewCommand extends CommandMessage<ConcludePoliticalReview, DevelopmentCase> {}

@CommandHandler(ConcludePoliticalReviewCommand)
export class ConcludePoliticalReviewHandler implements ICommandHandler<ConcludePoliticalReviewCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ConcludePoliticalReviewCommand) {
    return handleStep(this.store, command, (s) => concludePoliticalReview(command, s), options);
  }
}
