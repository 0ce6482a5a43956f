/**
 * Temporary: the admin's features will merge their own. The admin (authProvider, the activity page, the
 * user form, both message files) still imports the whole matrix from here, so this file re-assembles it,
 * under the same names as before, from core/roles.ts and each feature's `<feature>.permissions.ts`. The
 * server does not use it: its guard checks the matrix merged from the list of features (src/features.ts).
 * Plain data with no other imports: the admin bundles this file as it is.
 */
import { AUDIT_PERMISSIONS } from '../audit/audit.permissions.js';
import { can as canIn, KERNEL_PERMISSIONS, type Action, type Permissions } from '../core/roles.js';
import { DASHBOARD_PERMISSIONS } from '../dashboard/dashboard.permissions.js';
import { DEVELOPMENT_PERMISSIONS } from '../development/development.permissions.js';
import { ORGANIZATIONS_PERMISSIONS } from '../organizations/organizations.permissions.js';
import { AUTH_PERMISSIONS } from './auth.permissions.js';

export { isRole, ROLE_LABELS, ROLES, SCOPED_ROLES, type Action, type Role } from '../core/roles.js';

/** resource → action → roles allowed. A resource or action missing here is allowed to nobody. */
export const PERMISSIONS: Permissions = {
  ...AUTH_PERMISSIONS,
  ...DASHBOARD_PERMISSIONS,
  ...ORGANIZATIONS_PERMISSIONS,
  ...DEVELOPMENT_PERMISSIONS,
  ...AUDIT_PERMISSIONS,
  ...KERNEL_PERMISSIONS,
};

/** May a user holding `roles` perform `action` on `resource`? */
export const can = (roles: readonly string[], resource: string, action: Action): boolean =>
  canIn(PERMISSIONS, roles, resource, action);
