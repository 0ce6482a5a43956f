import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';
import type { Role } from '../core/roles.js';

/** A role held by a user; secretaries are scoped to organisations, instructors to units. */
export interface RoleGrant {
  role: Role;
  orgIds: string[];
  unitIds: string[];
}

export type UserRegistered = Event<
  'UserRegistered',
  { userId: string; username: string; displayName: string; passwordHash: string }
>;
export type RoleGranted = Event<'RoleGranted', { userId: string } & RoleGrant>;
export type RoleRevoked = Event<'RoleRevoked', { userId: string; role: Role }>;
/** Only the argon2id hash is ever stored; `reset` when an administrator set it rather than the user. */
export type PasswordChanged = Event<'PasswordChanged', { userId: string; passwordHash: string; reset: boolean }>;
export type UserDisabled = Event<'UserDisabled', { userId: string }>;
export type UserEnabled = Event<'UserEnabled', { userId: string }>;

export type UserEvent = UserRegistered | RoleGranted | RoleRevoked | PasswordChanged | UserDisabled | UserEnabled;

/** Every event type of users and roles, once (the activity log labels each). */
export const USER_EVENT_TYPES = eventTypes<UserEvent['type']>({
  UserRegistered: true,
  RoleGranted: true,
  RoleRevoked: true,
  PasswordChanged: true,
  UserDisabled: true,
  UserEnabled: true,
});

/**
 * Each event type in words, as the activity log and the admin show it (choices.event.<Type>). Plain data
 * beside the events, so the compiler asks for a label whenever an event type is added.
 */
export const USER_EVENT_LABELS: Record<UserEvent['type'], Bilingual> = {
  UserRegistered: { zh: '创建用户', en: 'User created' },
  RoleGranted: { zh: '授予角色', en: 'Role granted' },
  RoleRevoked: { zh: '撤销角色', en: 'Role revoked' },
  PasswordChanged: { zh: '修改密码', en: 'Password changed' },
  UserDisabled: { zh: '停用用户', en: 'User disabled' },
  UserEnabled: { zh: '启用用户', en: 'User enabled' },
};

/** Usernames are the stream ids: claiming `user-<username>` with no_stream makes them unique. */
export const userStream = (userId: string) => streamName('user', userId);
