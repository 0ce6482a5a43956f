import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { activeMember, member, type Member } from '../member.js';
import { memberStream, REMOVAL_REASONS, type MemberRemoved } from '../organizations.events.js';

export const removeMemberBody = z.strictObject({ reason: z.enum(REMOVAL_REASONS), on: localDate() });

export type RemoveMember = Command<'RemoveMember', z.output<typeof removeMemberBody> & { memberId: string }>;

export const removeMember = ({ data, metadata }: RemoveMember, state: Member): MemberRemoved => {
  const current = activeMember(state, data.memberId);
  notInFuture(data.on, metadata, 'on', 'member.date-in-future');
  return {
    type: 'MemberRemoved',
    data: { memberId: data.memberId, reason: data.reason, on: data.on },
    metadata: { occurredAt: occurredOn(data.on), unitIds: [current.unitId] },
  };
};

export class RemoveMemberCommand extends CommandMessage<RemoveMember, Member> {}

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RemoveMemberCommand) {
    return handleCommand(
      this.store,
      memberStream(command.data.memberId),
      member,
      (s) => removeMember(command, s),
      command.metadata,
      options,
    );
  }
}
