import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, postCommand } from '../dataProvider/command';

export interface GrantRoleData {
  role: string;
  orgIds?: string[];
  unitIds?: string[];
}

/** The commands on users and their roles (src/auth/users.controller.ts). */
export const userCommands = {
  grantRole: (id: Identifier, data: GrantRoleData) => postCommand(commandPath('users', id, 'grant-role'), data),
  revokeRole: (id: Identifier, data: { role: string }) => postCommand(commandPath('users', id, 'revoke-role'), data),
  disableUser: (id: Identifier) => postCommand(commandPath('users', id, 'disable')),
  enableUser: (id: Identifier) => postCommand(commandPath('users', id, 'enable')),
  resetPassword: (id: Identifier, data: { password: string }) =>
    postCommand(commandPath('users', id, 'reset-password'), data),
};

/** The data provider as this feature's screens see it. */
export type UsersDataProvider = DataProvider & typeof userCommands;
