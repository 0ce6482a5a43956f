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
import { MEMBER_CATEGORIES, memberStream, type MemberCategoryChanged } from '../organizations.events.js';

export const changeMemberCategoryBody = z.strictObject({ category: z.enum(MEMBER_CATEGORIES), on: localDate() });

export type ChangeMemberCategory = Command<
  'ChangeMemberCategory',
  z.output<typeof changeMemberCategoryBody> & { memberId: string }
>;

/**
 * A probationary member becomes a full member (转正) from `on`: for a conversion, the day probation
 * expired, from which Party standing (党龄) counts. Sent by the development feature's policy.
 */
export const changeMemberCategory = (
  { data, metadata }: ChangeMemberCategory,
  state: Member,
): MemberCategoryChanged => {
  const current = activeMember(state, data.memberId);
  if (current.category === data.category)
    throw new DomainError(
      'member.category-unchanged',
      { zh: '该党员已是此类别', en: 'The member is already in this category' },
      'category',
      409,
    );
  notInFuture(data.on, metadata, 'on', 'member.date-in-future');
  return {
    type: 'MemberCategoryChanged',
    data: { memberId: data.memberId, category: data.category, on: data.on },
    metadata: { occurredAt: occurredOn(data.on), unitIds: [current.unitId] },
  };
};

export class ChangeMemberCategoryCommand extends CommandMessage<ChangeMemberCategory, Member> {}

@CommandHandler(ChangeMemberCategoryCommand)
export class ChangeMemberCategoryHandler implements ICommandHandler<ChangeMemberCategoryCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ChangeMemberCategoryCommand) {
    return handleCommand(
      this.store,
      memberStream(command.data.memberId),
      member,
      (s) => changeMemberCategory(command, s),
      command.metadata,
      options,
    );
  }
}
