import { BUREAU, EVERYONE, type Permissions } from '../core/roles.js';

/** Evidence's resources. Plain data importing only core/roles.ts: the admin may bundle it. */
export const EVIDENCE_PERMISSIONS: Permissions = {
  /**
   * Evidence files and archives. Everyone reads within their scope (auditors all); secretaries file for
   * their organisations, instructors their own stage summaries (checked by the route); withdrawing is
   * the bureau's or the organisation's secretary's; the zip of an archive is a download like any other.
   */
  evidence: {
    list: EVERYONE,
    show: EVERYONE,
    create: [...BUREAU, 'secretary', 'instructor'],
    edit: [...BUREAU, 'secretary'],
    export: EVERYONE,
  },
};
