import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import type { Command } from '../../core/messages.js';
import { userStream, type RoleGrant, type RoleGranted } from '../auth.events.js';
import { ROLES } from '../../core/roles.js';
import { existingUser, user, type User } from '../user.js';

const ids = z.array(z.string().trim().min(1).max(64)).max(500).optional();

export const grantSchema = z.strictObject({ role: z.enum(ROLES), orgIds: ids, unitIds: ids });

export type GrantRole = Command<'GrantRole', { userId: string } & z.output<typeof grantSchema>>;

/** Secretaries need the organisations they serve, instructors the units they are sent to; others hold no scope. */
export const scopedGrant = ({ role, orgIds = [], unitIds = [] }: z.output<typeof grantSchema>): RoleGrant => {
  if (role === 'secretary' && orgIds.length === 0) {
    throw new DomainError(
      'role.scope-required',
      { zh: '党组织书记须指定所负责的党组织', en: 'A secretary needs the Party organisations they serve' },
      'orgIds',
    );
  }
  if (role === 'instructor' && unitIds.length === 0) {
    throw new DomainError(
      'role.scope-required',
      { zh: '指导员须指定派驻单位', en: 'An instructor needs the units they are dispatched to' },
      'unitIds',
    );
  }
  if (role !== 'secretary' && role !== 'instructor' && (orgIds.length > 0 || unitIds.length > 0)) {
    throw new DomainError(
      'role.scope-not-allowed',
      { zh: '该角色不按党组织或单位限定范围', en: 'This role is not limited to organisations or units' },
      'role',
    );
  }
  return { role, orgIds: [...new Set(orgIds)].sort(), unitIds: [...new Set(unitIds)].sort() };
};

export const grantRole = ({ data }: GrantRole, state: User): RoleGranted => {
  const current = existingUser(state, data.userId);
  const grant = scopedGrant(data);
  const held = current.roles.find((r) => r.role === grant.role);
  if (held && JSON.stringify(held) === JSON.stringify(grant)) {
    throw new DomainError(
      'role.unchanged',
      { zh: '该用户已拥有此角色及范围', en: 'The user already holds this role with this scope' },
      'role',
    );
  }
  return { type: 'RoleGranted', data: { userId: data.userId, ...grant }, metadata: { unitIds: grant.unitIds } };
};

export class GrantRoleCommand extends CommandMessage<GrantRole, User> {}

@CommandHandler(GrantRoleCommand)
export class GrantRoleHandler implements ICommandHandler<GrantRoleCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: GrantRoleCommand) {
    return handleCommand(
      this.store,
      userStream(command.data.userId),
      user,
      (s) => grantRole(command, s),
      command.metadata,
      options,
    );
  }
}
