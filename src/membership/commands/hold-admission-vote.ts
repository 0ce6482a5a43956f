import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { AdmissionVoteHeld } from '../membership.events.js';
import { rulesInForceOn } from '../development-rules.js';
import { checkVote, voteCountsBody } from './vote-rules.js';
import { DevelopmentFacts } from '../development-facts.js';
import { follows, handleStep, notDone, openCase, stepEvent, withinWindow, type StepCommand } from './step-support.js';

export const holdAdmissionVoteBody = z.strictObject({
  on: localDate(),
  votes: voteCountsBody,
  resolution: z.enum(['admit', 'not_admit']),
  delayReason: text(500).nullish(),
});

export type HoldAdmissionVote = StepCommand<'HoldAdmissionVote', z.output<typeof holdAdmissionVoteBody>>;

/**
 * Step 15 (Art. 20 ff.): the branch general meeting's secret ballot, one candidate at a time. The counts and
 * the resolution are the meeting's; the system checks quorum, majority and arithmetic (see vote-rules.ts),
 * and the meeting window after the pre-review (national under the 2026 version, A15).
 */
export const holdAdmissionVote = (
  { data, metadata }: HoldAdmissionVote,
  state: DevelopmentCase,
  fullMembers: number,
): AdmissionVoteHeld => {
  const open = openCase(state);
  notDone(open, 'admissionVote');
  follows(open, ['admissionForm'], data.on, metadata);
  const rules = rulesInForceOn(data.on);
  checkVote(data.votes, fullMembers, rules, data.resolution === 'admit');
  withinWindow(rules.admissionMeetingWindow, open.done.preReview as string, data.on, data.delayReason, {
    code: 'meeting-window',
    zh: '支部大会应在预审后一个月内召开',
    en: 'The branch general meeting is held within a month of the pre-review',
  });
  return stepEvent<AdmissionVoteHeld>('AdmissionVoteHeld', open, data.on, {
    votes: data.votes,
    resolution: data.resolution,
    delayReason: data.delayReason ?? null,
    rulesVersion: rules.id,
  });
};

export class HoldAdmissionVoteCommand extends CommandMessage<HoldAdmissionVote, DevelopmentCase> {}

@CommandHandler(HoldAdmissionVoteCommand)
export class HoldAdmissionVoteHandler implements ICommandHandler<HoldAdmissionVoteCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: DevelopmentFacts,
  ) {}

  execute({ command, options }: HoldAdmissionVoteCommand) {
    return handleStep(
      this.store,
      command,
      (s) => holdAdmissionVote(command, s, s.status === 'none' ? 0 : this.facts.fullMembersOf(s.orgId)),
      options,
    );
  }
}
