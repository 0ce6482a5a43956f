import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/** The annual assessment's resources. Plain data importing only core/roles.ts: the admin may bundle it. */
export const ASSESSMENT_PERMISSIONS: Permissions = {
  /** The year's rules: the bureau drafts, edits and publishes them; auditors and secretaries read them. */
  'assessment-rules': {
    list: [...READERS, 'secretary'],
    show: [...READERS, 'secretary'],
    create: BUREAU,
    edit: BUREAU,
    approve: BUREAU,
  },
  /** Scores, grades and ranking: the bureau and auditors all units, secretaries those in their scope. */
  'assessment-scores': {
    list: [...READERS, 'secretary'],
    show: [...READERS, 'secretary'],
  },
  /** Quarterly bulletins (季通报) and the year-end result: the bureau publishes; readers and secretaries read. */
  'assessment-bulletins': {
    list: [...READERS, 'secretary'],
    show: [...READERS, 'secretary'],
    create: BUREAU,
  },
};
