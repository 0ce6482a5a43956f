import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/**
 * The activity log and the units' audits: the bureau and auditors read them, nobody writes (every audit
 * route is a GET). Who read an audit is the bureau's to see. Plain data importing only core/roles.ts.
 */
export const AUDIT_PERMISSIONS: Permissions = {
  activity: { list: READERS, show: READERS },
  'audit-units': { list: READERS, show: READERS, export: READERS },
  'audit-reads': { list: BUREAU },
};
