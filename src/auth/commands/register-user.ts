import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { says, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { userStream, type RoleGranted, type UserRegistered } from '../auth.events.js';
import { passwordSchema } from '../passwords.js';
import { user, type User } from '../user.js';
import { grantSchema, scopedGrant } from './grant-role.js';

export const registerUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, {
      message: says('用户名为 3–32 位小写字母、数字或 _ . -', 'must be 3–32 lower-case letters, digits, _ . or -'),
    }),
  displayName: text(50),
  password: passwordSchema(),
  ...grantSchema.shape,
});

export type RegisterUser = Command<
  'RegisterUser',
  Omit<z.output<typeof registerUserBody>, 'password'> & { passwordHash: string }
>;

export const registerUser = ({ data }: RegisterUser, state: User): [UserRegistered, RoleGranted] => {
  if (state.status !== 'none') {
    throw new DomainError(
      'user.username-taken',
      { zh: `用户名 ${data.username} 已被使用`, en: `Username ${data.username} is taken` },
      'username',
      409,
    );
  }
  const grant = scopedGrant(data);
  return [
    {
      type: 'UserRegistered',
      data: {
        userId: data.username,
        username: data.username,
        displayName: data.displayName,
        passwordHash: data.passwordHash,
      },
    },
    { type: 'RoleGranted', data: { userId: data.username, ...grant }, metadata: { unitIds: grant.unitIds } },
  ];
};

export class RegisterUserCommand extends CommandMessage<RegisterUser, User> {}

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RegisterUserCommand) {
    return handleCommand(
      this.store,
      userStream(command.data.username),
      user,
      (s) => registerUser(command, s),
      command.metadata,
      options,
    );
  }
}
