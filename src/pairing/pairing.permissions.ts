import { BUREAU, READERS, type Permissions } from '../core/roles.js';

const READ = [...READERS, 'secretary'] as const;

/**
 * Pairing communities' resources. Plain data importing only core/roles.ts: the admin may bundle it. Secretaries
 * read the pairings their schools take part in; only the helper school's secretary logs a pairing's work
 * (checked by the routes). Instructors have no part in pairings.
 */
export const PAIRING_PERMISSIONS: Permissions = {
  /** The pairings themselves: formed, extended and ended by the bureau. */
  pairings: { list: READ, show: READ, export: READ, create: BUREAU, edit: BUREAU },
  /** Their work along the three lines and the norms' judgements. */
  'pairing-activities': { list: READ, create: [...BUREAU, 'secretary'] },
  /** The county's norm items. */
  'pairing-norms': { list: READ, edit: BUREAU },
};
