import { BUREAU, EVERYONE, type Permissions } from '../core/roles.js';

/** Organisational life's resources. Plain data importing only core/roles.ts: the admin may bundle it. */
export const ORGANIZATIONAL_LIFE_PERMISSIONS: Permissions = {
  /** Meetings (三会一课…) and the month grid; a secretary records and comments for its own organisations. */
  'organizational-life': {
    list: EVERYONE,
    show: EVERYONE,
    export: EVERYONE,
    create: [...BUREAU, 'secretary'],
    edit: [...BUREAU, 'secretary'],
  },
  /** Typical cases: units submit through their organisation's secretary; the bureau selects (approve). */
  'typical-cases': {
    list: EVERYONE,
    show: EVERYONE,
    create: [...BUREAU, 'secretary'],
    approve: BUREAU,
  },
};
