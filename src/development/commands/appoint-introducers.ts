import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { IntroducersAppointed } from '../development.events.js';
import type { MemberStanding } from '../development.facts.js';
import { checkNamedMembers } from './member-standing.js';
import { INTRODUCER_ELIGIBILITY, type IntroducerEligibility } from '../development.facts.js';
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

export const appointIntroducersBody = stepBody({ on: localDate(), introducerIds: z.array(z.uuid()) });

export type AppointIntroducers = StepCommand<'AppointIntroducers', z.output<typeof appointIntroducersBody>>;

/** Step 9 (Art. 14): two introducers, full members not under 留党察看, usually the cultivation contacts. */
export const appointIntroducers = (
  { data, metadata }: AppointIntroducers,
  state: DevelopmentCase,
  facts: (MemberStanding | null)[],
): IntroducersAppointed => {
  const open = openCase(state, 'introducers');
  notDone(open, 'introducers');
  follows(open, 'introducers', data.on, metadata);
  if (data.introducerIds.length !== 2)
    throw refuse(
      'introducers-two',
      '入党介绍人须为两名正式党员',
      'Exactly two introducers are appointed',
      'introducerIds',
    );
  const introducers = checkNamedMembers(data.introducerIds, facts, {
    field: 'introducerIds',
    code: 'introducer',
    zh: '入党介绍人',
    en: 'introducer',
    introducer: true,
  });
  return stepEvent<IntroducersAppointed>('IntroducersAppointed', open, data, { introducers });
};

export class AppointIntroducersCommand extends CommandMessage<AppointIntroducers, DevelopmentCase> {}

@CommandHandler(AppointIntroducersCommand)
export class AppointIntroducersHandler implements ICommandHandler<AppointIntroducersCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(INTRODUCER_ELIGIBILITY) private readonly eligibility: IntroducerEligibility,
  ) {}

  execute({ command, options }: AppointIntroducersCommand) {
    const facts = command.data.introducerIds.map((id) => this.eligibility.standing(id, command.data.on));
    return handleStep(this.store, command, (s) => appointIntroducers(command, s, facts), options);
  }
}
