import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name } from '../../core/http/validation.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { Command } from '../../core/messages.js';
import { notInFuture } from '../../core/time/past-date.js';
import { POSITION_TITLES, partyOrgStream, type PositionAssigned } from '../organizations.events.js';
import { activeOrganization, partyOrganization, type PartyOrganization } from '../party-organization.js';
import { RosterFacts } from '../roster-facts.js';

export const assignPositionBody = z.strictObject({
  memberId: z.string().uuid(),
  title: z.enum(POSITION_TITLES),
  from: localDate(),
  crossAppointment: name(50).nullish(),
});

export type AssignPosition = Command<
  'AssignPosition',
  z.output<typeof assignPositionBody> & { orgId: string; positionId: string }
>;

/** `memberOrgId`: the organisation the member belongs to now (one at a time), from the roster. */
export const assignPosition = (
  { data, metadata }: AssignPosition,
  state: PartyOrganization,
  memberOrgId: string | null,
): PositionAssigned => {
  const org = activeOrganization(state, data.orgId);
  notInFuture(data.from, metadata, 'from', 'position.date-in-future');
  if (memberOrgId !== data.orgId) {
    throw new DomainError(
      'position.not-a-member',
      { zh: '只能由本组织的党员担任职务', en: 'Only a member of this organisation can hold its posts' },
      'memberId',
    );
  }
  if (data.title === 'branch_secretary' && org.positions.some((p) => p.title === 'branch_secretary')) {
    throw new DomainError(
      'position.secretary-held',
      { zh: '该组织已有书记，请先结束现任书记的任职', en: 'The organisation has a secretary; end that post first' },
      'title',
    );
  }
  if (org.positions.some((p) => p.memberId === data.memberId && p.title === data.title)) {
    throw new DomainError(
      'position.already-held',
      { zh: '该党员已担任此职务', en: 'The member already holds this post' },
      'title',
    );
  }
  return {
    type: 'PositionAssigned',
    data: {
      orgId: data.orgId,
      positionId: data.positionId,
      memberId: data.memberId,
      title: data.title,
      from: data.from,
      crossAppointment: data.crossAppointment ?? null,
    },
    metadata: { occurredAt: occurredOn(data.from), unitIds: org.unitIds },
  };
};

export class AssignPositionCommand extends CommandMessage<AssignPosition, PartyOrganization> {}

@CommandHandler(AssignPositionCommand)
export class AssignPositionHandler implements ICommandHandler<AssignPositionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  execute({ command, options }: AssignPositionCommand) {
    const memberOrg = this.roster.memberOrg(command.data.memberId);
    const decide = (s: PartyOrganization) => assignPosition(command, s, memberOrg);
    return handleCommand(
      this.store,
      partyOrgStream(command.data.orgId),
      partyOrganization,
      decide,
      command.metadata,
      options,
    );
  }
}
