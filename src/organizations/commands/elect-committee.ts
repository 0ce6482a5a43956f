import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { notInFuture } from '../../core/time/past-date.js';
import { addDays, addYears, occurredOn } from '../../core/time/local-date.js';
import { partyOrgStream, type CommitteeElected } from '../organizations.events.js';
import { activeOrganization, partyOrganization, type PartyOrganization } from '../party-organization.js';

export const electCommitteeBody = z.strictObject({
  termStart: localDate(),
  /** Branch committees serve 3 years, basic-level committees generally 5 (domain.md §9.1). */
  termYears: z.number().int().min(1).max(5).default(3),
});

export type ElectCommittee = Command<'ElectCommittee', z.output<typeof electCommitteeBody> & { orgId: string }>;

/** A committee's term ends the day before the anniversary of its election (B15 reminds before it). */
export const electCommittee = ({ data, metadata }: ElectCommittee, state: PartyOrganization): CommitteeElected => {
  const org = activeOrganization(state, data.orgId);
  notInFuture(data.termStart, metadata, 'termStart', 'org.date-in-future');
  if (org.termEnd && data.termStart <= org.termEnd && data.termStart < addYears(org.termEnd, -1)) {
    throw new DomainError(
      'org.term-overlaps',
      {
        zh: `现任委员会任期至 ${org.termEnd}，换届日期过早`,
        en: `The sitting committee serves until ${org.termEnd}; this election is too early`,
      },
      'termStart',
    );
  }
  const termEnd = addDays(addYears(data.termStart, data.termYears), -1);
  return {
    type: 'CommitteeElected',
    data: { orgId: data.orgId, termStart: data.termStart, termEnd },
    metadata: { occurredAt: occurredOn(data.termStart), unitIds: org.unitIds },
  };
};

export class ElectCommitteeCommand extends CommandMessage<ElectCommittee, PartyOrganization> {}

@CommandHandler(ElectCommitteeCommand)
export class ElectCommitteeHandler implements ICommandHandler<ElectCommitteeCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ElectCommitteeCommand) {
    return handleCommand(
      this.store,
      partyOrgStream(command.data.orgId),
      partyOrganization,
      (s) => electCommittee(command, s),
      command.metadata,
      options,
    );
  }
}
