import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase, OpenCase } from '../development-case.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { rulesInForceOn, type DevelopmentRules } from '../development-rules.js';
import type { ConversionMeetingHeld } from '../development.events.js';
import { EARLIEST_ON } from '../step-dates.js';
import { checkPublicity } from './publicity.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  refuse,
  stepBody,
  stepEvent,
  type StepCommand,
} from './step-support.js';
import { DisciplineFacts } from '../../discipline/discipline.facts.js';
import { checkVote, meetingRoster, voteCountsBody, type MeetingRoster } from './vote-rules.js';

export const holdConversionMeetingBody = stepBody({
  on: localDate(),
  /** The meeting's resolution (Art. 32): convert on time, extend once, or cancel probationary status. */
  outcome: z.enum(['convert', 'extend', 'cancel']),
  extensionMonths: z.number().int().nullish(),
  votes: voteCountsBody,
  publicityFrom: localDate().nullish(),
  publicityTo: localDate().nullish(),
});

export type HoldConversionMeeting = StepCommand<'HoldConversionMeeting', z.output<typeof holdConversionMeetingBody>>;

/** Art. 32: one extension only, of at least 6 months and at most a year. */
const checkExtension = (open: OpenCase, months: number | null | undefined, rules: DevelopmentRules) => {
  if (open.extended)
    throw refuse('extension-once', '预备期只能延长一次', 'Probation may be extended only once', 'outcome');
  const { extensionMinimumMonths: min, extensionMaximumMonths: max } = rules;
  if (!months || months < min || months > max)
    throw refuse(
      'extension-length',
      `延长预备期不少于 ${min} 个月、不超过 ${max} 个月`,
      `An extension lasts at least ${min} and at most ${max} months`,
      'extensionMonths',
    );
};

/**
 * Step 23 (Arts. 32–33): the branch general meeting on conversion, not before probation has expired.
 * Quorum and vote as at admission; a conversion is publicised first where the rules ask for it.
 */
export const holdConversionMeeting = (
  { data, metadata }: HoldConversionMeeting,
  state: DevelopmentCase,
  roster: MeetingRoster,
): ConversionMeetingHeld => {
  const open = openCase(state, 'conversionMeeting');
  notDone(open, 'conversionMeeting');
  follows(open, 'conversionMeeting', data.on, metadata);
  const rules = rulesInForceOn(data.on);
  const expiry = EARLIEST_ON.conversionMeeting!(open, rules) as string;
  if (data.on < expiry)
    throw refuse(
      'conversion-before-expiry',
      `预备期至 ${expiry} 期满，期满前不能讨论转正`,
      `Probation runs until ${expiry}: the conversion meeting may not be held before`,
    );
  if (data.outcome === 'extend') checkExtension(open, data.extensionMonths, rules);
  const publicityDays = data.outcome === 'convert' ? rules.conversionPublicityWorkingDays : 0;
  checkPublicity(data.publicityFrom, data.publicityTo, data.on, publicityDays);
  checkVote(data.votes, roster, rules, true);
  return stepEvent<ConversionMeetingHeld>('ConversionMeetingHeld', open, data, {
    outcome: data.outcome,
    extensionMonths: data.outcome === 'extend' ? (data.extensionMonths ?? null) : null,
    votes: data.votes,
    publicityFrom: data.publicityFrom ?? null,
    publicityTo: data.publicityTo ?? null,
    rulesVersion: rules.id,
  });
};

export class HoldConversionMeetingCommand extends CommandMessage<HoldConversionMeeting, DevelopmentCase> {}

@CommandHandler(HoldConversionMeetingCommand)
export class HoldConversionMeetingHandler implements ICommandHandler<HoldConversionMeetingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganizationsFacts,
    private readonly discipline: DisciplineFacts,
  ) {}

  execute({ command, options }: HoldConversionMeetingCommand) {
    const decide = (s: DevelopmentCase) =>
      holdConversionMeeting(command, s, meetingRoster(this.facts, s, command.data.on, this.discipline));
    return handleStep(this.store, command, decide, options);
  }
}
