import { READERS, type Permissions } from '../core/roles.js';

/** The activity log: the bureau and auditors. Plain data importing only core/roles.ts. */
export const AUDIT_PERMISSIONS: Permissions = {
  activity: { list: READERS, show: READERS },
};
