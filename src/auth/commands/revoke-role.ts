import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { userStream, type RoleRevoked } from '../auth.events.js';
import { ROLES } from '../../core/roles.js';
import { existingUser, user, type User } from '../user.js';

export const revokeRoleBody = z.strictObject({ role: z.enum(ROLES) });

export type RevokeRole = Command<'RevokeRole', { userId: string } & z.output<typeof revokeRoleBody>>;

export const revokeRole = ({ data, metadata }: RevokeRole, state: User): RoleRevoked => {
  const current = existingUser(state, data.userId);
  if (!current.roles.some((r) => r.role === data.role)) {
    throw new DomainError('role.not-held', { zh: '该用户没有此角色', en: 'The user does not hold this role' }, 'role');
  }
  if (data.role === 'bureau_admin' && metadata.actorId === data.userId) {
    throw new DomainError(
      'role.own-admin',
      { zh: '不能撤销自己的管理员角色', en: 'You cannot revoke your own administrator role' },
      'role',
    );
  }
  return { type: 'RoleRevoked', data: { userId: data.userId, role: data.role } };
};

export class RevokeRoleCommand extends CommandMessage<RevokeRole, User> {}

@CommandHandler(RevokeRoleCommand)
export class RevokeRoleHandler implements ICommandHandler<RevokeRoleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RevokeRoleCommand) {
    return handleCommand(
      this.store,
      userStream(command.data.userId),
      user,
      (s) => revokeRole(command, s),
      command.metadata,
      options,
    );
  }
}
