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
  /** The unit's own self-assessment (自评) and its comments or objections: its secretary, for its unit only. */
  'assessment-self': {
    create: ['secretary'],
    edit: ['secretary'],
  },
  /** The bureau's scoring (考评), adjustments and the final result; readers and the unit's secretary read them. */
  'assessment-reviews': {
    show: [...READERS, 'secretary'],
    edit: BUREAU,
    approve: BUREAU,
  },
};
