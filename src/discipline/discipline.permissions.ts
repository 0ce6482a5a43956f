import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/**
 * Discipline's resources. Case files (sanctions, their documents, appeals) are for the bureau and auditors
 * only; a secretary may look up whether a member of its organisations is eligible, and until when, without
 * the case file (the look-up redacts it for them).
 */
export const DISCIPLINE_PERMISSIONS: Permissions = {
  'discipline-cases': { list: READERS, show: READERS, create: BUREAU, edit: BUREAU, approve: BUREAU },
  'discipline-eligibility': { list: [...READERS, 'secretary'] },
};
