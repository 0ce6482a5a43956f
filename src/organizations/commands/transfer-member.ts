import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { activeMember, member, type Member } from '../member.js';
import { memberStream, type MemberTransferred } from '../organizations.events.js';
import { RosterFacts } from '../roster-facts.js';
import { checkPlacement, placementFacts, type PlacementFacts } from './enroll-member.js';

export const transferMemberBody = z.strictObject({
  toOrgId: z.string().uuid(),
  toUnitId: z.string().uuid(),
  on: localDate(),
});

export type TransferMember = Command<'TransferMember', z.output<typeof transferMemberBody> & { memberId: string }>;

/** A member belongs to exactly one organisation at a time: a transfer moves them, it never copies. */
export const transferMember = (
  { data, metadata }: TransferMember,
  state: Member,
  facts: PlacementFacts,
): MemberTransferred => {
  const current = activeMember(state, data.memberId);
  notInFuture(data.on, metadata, 'on', 'member.date-in-future');
  if (current.orgId === data.toOrgId && current.unitId === data.toUnitId) {
    throw new DomainError(
      'member.same-placement',
      { zh: '该党员已在此组织和单位', en: 'The member is already in this organisation and unit' },
      'toOrgId',
    );
  }
  checkPlacement(facts, 'toOrgId', 'toUnitId');
  return {
    type: 'MemberTransferred',
    data: {
      memberId: data.memberId,
      fromOrgId: current.orgId,
      toOrgId: data.toOrgId,
      fromUnitId: current.unitId,
      toUnitId: data.toUnitId,
      on: data.on,
    },
    metadata: { occurredAt: occurredOn(data.on), unitIds: [...new Set([current.unitId, data.toUnitId])] },
  };
};

export class TransferMemberCommand extends CommandMessage<TransferMember, Member> {}

@CommandHandler(TransferMemberCommand)
export class TransferMemberHandler implements ICommandHandler<TransferMemberCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  execute({ command, options }: TransferMemberCommand) {
    const facts = placementFacts(this.roster, command.data.toOrgId, command.data.toUnitId);
    return handleCommand(
      this.store,
      memberStream(command.data.memberId),
      member,
      (s) => transferMember(command, s, facts),
      command.metadata,
      options,
    );
  }
}
