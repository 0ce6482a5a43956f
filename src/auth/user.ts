import { NotFoundError } from '../core/errors.js';
import type { StreamModel } from '../core/command-handling.js';
import type { RoleGrant, UserEvent } from './auth.events.js';

export type User =
  | { status: 'none' }
  | { status: 'active' | 'disabled'; userId: string; username: string; displayName: string; roles: RoleGrant[] };

const withRoles = (state: User, roles: (current: RoleGrant[]) => RoleGrant[]): User =>
  state.status === 'none' ? state : { ...state, roles: roles(state.roles) };

export const user: StreamModel<User, UserEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'UserRegistered': {
        const { userId, username, displayName } = event.data;
        return { status: 'active', userId, username, displayName, roles: [] };
      }
      case 'RoleGranted': {
        const { role, orgIds, unitIds } = event.data;
        return withRoles(state, (roles) => [...roles.filter((r) => r.role !== role), { role, orgIds, unitIds }]);
      }
      case 'RoleRevoked':
        return withRoles(state, (roles) => roles.filter((r) => r.role !== event.data.role));
      case 'UserDisabled':
        return state.status === 'none' ? state : { ...state, status: 'disabled' };
      case 'UserEnabled':
        return state.status === 'none' ? state : { ...state, status: 'active' };
      case 'PasswordChanged':
        return state;
    }
  },
};

/** The user, or a 404 naming the id. */
export const existingUser = (state: User, userId: string): Exclude<User, { status: 'none' }> => {
  if (state.status === 'none') throw new NotFoundError({ zh: '用户', en: 'User' }, userId);
  return state;
};
