import { EVERYONE, type Permissions } from '../core/roles.js';

/** Users and one's own account. Plain data importing only core/roles.ts: the admin may bundle it. */
export const AUTH_PERMISSIONS: Permissions = {
  /** One's own account: who am I, sign out, change my password. */
  account: { show: EVERYONE, edit: EVERYONE },
  users: {
    list: ['bureau_admin', 'auditor'],
    show: ['bureau_admin', 'auditor'],
    create: ['bureau_admin'],
    edit: ['bureau_admin'],
  },
};
