import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { userStream, type PasswordChanged } from '../auth.events.js';
import { passwordSchema } from '../passwords.js';
import { existingUser, user, type User } from '../user.js';

export const changeOwnPasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema(),
});
export const resetPasswordBody = z.strictObject({ password: passwordSchema() });

/** The hash is made before the command: deciders stay pure, and no plain password reaches an event. */
export type ChangePassword = Command<'ChangePassword', { userId: string; passwordHash: string; reset: boolean }>;

export const changePassword = ({ data }: ChangePassword, state: User): PasswordChanged => {
  existingUser(state, data.userId);
  return { type: 'PasswordChanged', data: { userId: data.userId, passwordHash: data.passwordHash, reset: data.reset } };
};

export class ChangePasswordCommand extends CommandMessage<ChangePassword, User> {}

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ChangePasswordCommand) {
    return handleCommand(
      this.store,
      userStream(command.data.userId),
      user,
      (s) => changePassword(command, s),
      command.metadata,
      options,
    );
  }
}
