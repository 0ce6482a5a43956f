import { BUREAU, EVERYONE, READERS, type Permissions } from '../core/roles.js';

/**
 * Instructors' resources. Plain data importing only core/roles.ts: the admin may bundle it. An instructor
 * reads and logs only their own dispatches and visits, and a secretary reads those of the units its
 * organisations cover and confirms for its own affiliated organisations (checked by the routes).
 */
export const INSTRUCTORS_PERMISSIONS: Permissions = {
  /** Dispatches (派驻): the bureau makes and ends them. */
  'instructor-dispatches': {
    list: EVERYONE,
    show: EVERYONE,
    create: BUREAU,
    edit: BUREAU,
  },
  /** Visits (到单位指导): the instructor logs their own; the bureau may log on their behalf. */
  'instructor-visits': {
    list: EVERYONE,
    create: [...BUREAU, 'instructor'],
  },
  /** The month calendar (C1, missed months): the bureau and auditors all; an instructor their own; a secretary their units'. */
  'instructor-calendar': {
    list: EVERYONE,
  },
  /** Affiliated organisations' monthly confirmations (C6). */
  'org-life-confirmations': {
    list: [...READERS, 'secretary'],
    create: [...BUREAU, 'secretary'],
  },
};
