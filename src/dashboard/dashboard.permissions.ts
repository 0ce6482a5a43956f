import { EVERYONE, type Permissions } from '../core/roles.js';

/** Every role has a home page (its tiles filtered to what it covers). Plain data importing only core/roles.ts. */
export const DASHBOARD_PERMISSIONS: Permissions = {
  dashboard: { show: EVERYONE },
};
