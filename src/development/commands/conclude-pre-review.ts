import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { PreReviewConcluded } from '../development.events.js';
import { addMonths } from '../../core/time/local-date.js';
import { rulesInForceOn } from '../development-rules.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  passedPoliticalReview,
  refuse,
  stepBody,
  stepEvent,
  withinWindow,
  type StepCommand,
} from './step-support.js';

export const concludePreReviewBody = stepBody({
  on: localDate(),
  conclusion: z.enum(['passed', 'not_passed']),
  /** When the candidate is expected to leave the unit (transfer, graduation…), if known. */
  leavingUnitOn: localDate().nullish(),
  delayReason: text(500).nullish(),
});

export type ConcludePreReview = StepCommand<'ConcludePreReview', z.output<typeof concludePreReviewBody>>;

/**
 * Step 13 (Art. 19): the committee's written pre-review result. A candidate who will leave the unit within
 * 3 months is not processed (A13): such a pre-review cannot pass.
 */
export const concludePreReview = (
  { data, metadata }: ConcludePreReview,
  state: DevelopmentCase,
): PreReviewConcluded => {
  const open = openCase(state, 'preReview');
  notDone(open, 'preReview');
  passedPoliticalReview(open);
  follows(open, 'preReview', data.on, metadata);
  const rules = rulesInForceOn(data.on);
  const limit = addMonths(data.on, rules.leavingUnitMonths);
  if (data.conclusion === 'passed' && data.leavingUnitOn && data.leavingUnitOn <= limit)
    throw refuse(
      'leaving-within-3-months',
      `发展对象将在 ${rules.leavingUnitMonths} 个月内离开工作单位的，一般不办理接收手续（《细则》第十九条）`,
      `A candidate leaving the unit within ${rules.leavingUnitMonths} months is not processed (Art. 19)`,
      'leavingUnitOn',
    );
  withinWindow(rules.preReviewWindow, open.done.branchReview as string, data.on, data.delayReason, {
    code: 'pre-review-window',
    zh: '预审应在支部委员会审查后按时完成',
    en: 'The pre-review is due after the branch committee review',
  });
  return stepEvent<PreReviewConcluded>('PreReviewConcluded', open, data, {
    conclusion: data.conclusion,
    leavingUnitOn: data.leavingUnitOn ?? null,
    delayReason: data.delayReason ?? null,
  });
};

export class ConcludePreReviewCommand extends CommandMessage<ConcludePreReview, DevelopmentCase> {}

@CommandHandler(ConcludePreReviewCommand)
export class ConcludePreReviewHandler implements ICommandHandler<ConcludePreReviewCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ConcludePreReviewCommand) {
    return handleStep(this.store, command, (s) => concludePreReview(command, s), options);
  }
}
