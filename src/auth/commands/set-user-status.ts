import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { userStream, type UserDisabled, type UserEnabled } from '../auth.events.js';
import { existingUser, user, type User } from '../user.js';

export type SetUserStatus = Command<'SetUserStatus', { userId: string; status: 'active' | 'disabled' }>;

/**
 * Disabling signs the user out everywhere, for good: the guard reads the status on every request, and
 * the disable moves the user's token generation, so enabling again needs a new sign-in.
 */
export const setUserStatus = ({ data, metadata }: SetUserStatus, state: User): UserDisabled | UserEnabled => {
  const current = existingUser(state, data.userId);
  if (current.status === data.status) {
    const zh = data.status === 'active' ? '该用户已是启用状态' : '该用户已被停用';
    throw new DomainError('user.status-unchanged', { zh, en: `The user is already ${data.status}` });
  }
  if (data.status === 'disabled' && metadata.actorId === data.userId) {
    throw new DomainError('user.disable-self', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
  }
  return data.status === 'active'
    ? { type: 'UserEnabled', data: { userId: data.userId } }
    : { type: 'UserDisabled', data: { userId: data.userId } };
};

export class SetUserStatusCommand extends CommandMessage<SetUserStatus, User> {}

@CommandHandler(SetUserStatusCommand)
export class SetUserStatusHandler implements ICommandHandler<SetUserStatusCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: SetUserStatusCommand) {
    return handleCommand(
      this.store,
      userStream(command.data.userId),
      user,
      (s) => setUserStatus(command, s),
      command.metadata,
      options,
    );
  }
}
