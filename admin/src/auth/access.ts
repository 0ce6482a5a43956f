import type { Action } from '../../../src/core/roles.js';
import { readSession } from './session';

/**
 * What the signed-in user may do, as the server told it at sign-in (`permissions`: resource → actions,
 * from the very matrix its guard checks), so menus, pages and links offer nothing the guard would refuse.
 * Roles and their labels are the kernel's plain data.
 */
export { ROLE_LABELS, ROLES, type Action, type Role } from '../../../src/core/roles.js';

export const can = (resource: string, action: Action): boolean => {
  const permissions = readSession()?.permissions;
  return !!permissions && Object.hasOwn(permissions, resource) && permissions[resource].includes(action);
};
