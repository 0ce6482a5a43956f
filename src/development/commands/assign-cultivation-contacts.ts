import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { CultivationContactsAssigned } from '../development.events.js';
import type { MemberStanding } from '../development.facts.js';
import { checkNamedMembers } from './member-standing.js';
import { INTRODUCER_ELIGIBILITY, type IntroducerEligibility } from '../development.facts.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const assignCultivationContactsBody = stepBody({
  on: localDate(),
  contactIds: z.array(z.uuid()).min(1).max(2),
});

export type AssignCultivationContacts = StepCommand<
  'AssignCultivationContacts',
  z.output<typeof assignCultivationContactsBody>
>;

/** Step 5 (Art. 9): one or two full members as cultivation contacts (A4). */
export const assignCultivationContacts = (
  { data, metadata }: AssignCultivationContacts,
  state: DevelopmentCase,
  facts: (MemberStanding | null)[],
): CultivationContactsAssigned => {
  const open = openCase(state, 'contacts');
  notDone(open, 'contacts');
  follows(open, 'contacts', data.on, metadata);
  const contacts = checkNamedMembers(data.contactIds, facts, {
    field: 'contactIds',
    code: 'contact',
    zh: '培养联系人',
    en: 'cultivation contact',
    introducer: false,
  });
  return stepEvent<CultivationContactsAssigned>('CultivationContactsAssigned', open, data, { contacts });
};

export class AssignCultivationContactsCommand extends CommandMessage<AssignCultivationContacts, DevelopmentCase> {}

@CommandHandler(AssignCultivationContactsCommand)
export class AssignCultivationContactsHandler implements ICommandHandler<AssignCultivationContactsCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(INTRODUCER_ELIGIBILITY) private readonly eligibility: IntroducerEligibility,
  ) {}

  execute({ command, options }: AssignCultivationContactsCommand) {
    const facts = command.data.contactIds.map((id) => this.eligibility.standing(id, command.data.on));
    return handleStep(this.store, command, (s) => assignCultivationContacts(command, s, facts), options);
  }
}
