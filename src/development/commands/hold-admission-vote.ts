import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase, OpenCase } from '../development-case.js';
import type { AdmissionVoteHeld } from '../development.events.js';
import { activeRuleBook, rulesInForceOn, type DevelopmentRules, type RuleBook } from '../development-rules.js';
import { EARLIEST_ON } from '../step-dates.js';
import { DisciplineFacts } from '../../discipline/discipline.facts.js';
import { checkVote, meetingRoster, voteCountsBody, type MeetingRoster } from './vote-rules.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  refuse,
  stepBody,
  stepEvent,
  withinWindow,
  type StepCommand,
} from './step-support.js';

export const holdAdmissionVoteBody = stepBody({
  on: localDate(),
  votes: voteCountsBody,
  resolution: z.enum(['admit', 'not_admit']),
  delayReason: text(500).nullish(),
});

export type HoldAdmissionVote = StepCommand<'HoldAdmissionVote', z.output<typeof holdAdmissionVoteBody>>;

/**
 * Step 15 (Art. 20 ff.): the branch general meeting's secret ballot, one candidate at a time. The counts and
 * the resolution are the meeting's; the system checks quorum, majority and arithmetic (see vote-rules.ts),
 * the [Local] wait before a failed candidate is put to the meeting again, and the meeting window after the
 * pre-review (national under the 2026 version, A15). `book` is the active rule book unless a spec gives one.
 */
export const holdAdmissionVote = (
  { data, metadata }: HoldAdmissionVote,
  state: DevelopmentCase,
  roster: MeetingRoster,
  book: RuleBook = activeRuleBook,
): AdmissionVoteHeld => {
  const open = openCase(state, 'admissionVote');
  notDone(open, 'admissionVote');
  follows(open, 'admissionVote', data.on, metadata);
  const rules = rulesInForceOn(data.on, book);
  const resubmittable = checkResubmissionWait(open, data.on, rules);
  checkVote(data.votes, roster, rules, data.resolution === 'admit');
  const preReview = open.done.preReview as string;
  // A first vote's window runs from the pre-review. A resubmitted one's runs from the day the wait ends
  // (with no wait, from the failed vote): the old pre-review's month is long gone by then through no
  // fault of the branch, while the branch should still not let the resubmission lie once it may act.
  if (resubmittable && resubmittable > preReview)
    withinWindow(rules.admissionMeetingWindow, resubmittable, data.on, data.delayReason, {
      code: 'meeting-window',
      zh: '再次提交的，支部大会应在等待期满后一个月内召开',
      en: 'A resubmitted candidate is voted on within a month of the end of the wait',
    });
  else
    withinWindow(rules.admissionMeetingWindow, preReview, data.on, data.delayReason, {
      code: 'meeting-window',
      zh: '支部大会应在预审后一个月内召开',
      en: 'The branch general meeting is held within a month of the pre-review',
    });
  return stepEvent<AdmissionVoteHeld>('AdmissionVoteHeld', open, data, {
    votes: data.votes,
    resolution: data.resolution,
    delayReason: data.delayReason ?? null,
    rulesVersion: rules.id,
  });
};

/**
 * [Local] §4.2 step 15: a candidate the meeting did not admit may not be resubmitted for
 * `resubmissionWaitMonths` (6; 0 = none), judged by the rule version in force on the new vote's date.
 * Answers the first day a new vote is allowed, or null for a first vote.
 */
const checkResubmissionWait = (open: OpenCase, on: string, rules: DevelopmentRules): string | null => {
  const allowedOn = EARLIEST_ON.admissionVote!(open, rules);
  if (!allowedOn) return null;
  if (on < allowedOn)
    throw refuse(
      'resubmission-wait',
      `支部大会未通过的发展对象，${rules.resubmissionWaitMonths} 个月内不得再次提交讨论（上次表决 ${open.lastFailedVoteOn}，最早 ${allowedOn}）`,
      `A candidate the branch meeting did not admit may not be resubmitted for ${rules.resubmissionWaitMonths} months (last vote ${open.lastFailedVoteOn}; earliest ${allowedOn})`,
    );
  return allowedOn;
};

export class HoldAdmissionVoteCommand extends CommandMessage<HoldAdmissionVote, DevelopmentCase> {}

@CommandHandler(HoldAdmissionVoteCommand)
export class HoldAdmissionVoteHandler implements ICommandHandler<HoldAdmissionVoteCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganizationsFacts,
    private readonly discipline: DisciplineFacts,
  ) {}

  execute({ command, options }: HoldAdmissionVoteCommand) {
    return handleStep(
      this.store,
      command,
      (s) => holdAdmissionVote(command, s, meetingRoster(this.facts, s, command.data.on, this.discipline)),
      options,
    );
  }
}
