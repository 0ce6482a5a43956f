import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/**
 * Instructors' resources. Plain data importing only core/roles.ts: the admin may bundle it. An instructor
 * reads and logs only their own dispatches and visits (checked by the routes); a secretary confirms for its
 * own affiliated organisations. The bureau and auditors read everything.
 */
const BUREAU_AND_INSTRUCTORS = [...READERS, 'instructor'] as const;

export const INSTRUCTORS_PERMISSIONS: Permissions = {
  /** Dispatches (派驻): the bureau makes and ends them. */
  'instructor-dispatches': {
    list: BUREAU_AND_INSTRUCTORS,
    show: BUREAU_AND_INSTRUCTORS,
    create: BUREAU,
    edit: BUREAU,
  },
  /** Visits (到单位指导): the instructor logs their own; the bureau may log on their behalf. */
  'instructor-visits': {
    list: BUREAU_AND_INSTRUCTORS,
    create: [...BUREAU, 'instructor'],
  },
  /** The month calendar (C1, missed months): the bureau and auditors all; an instructor their own. */
  'instructor-calendar': {
    list: BUREAU_AND_INSTRUCTORS,
  },
  /** Affiliated organisations' monthly confirmations (C6). */
  'org-life-confirmations': {
    list: [...READERS, 'secretary'],
    create: [...BUREAU, 'secretary'],
  },
};
