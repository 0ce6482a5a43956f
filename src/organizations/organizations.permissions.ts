import { BUREAU, EVERYONE, type Permissions } from '../core/roles.js';

/** The roster's resources. Plain data importing only core/roles.ts: the admin may bundle it. */
export const ORGANIZATIONS_PERMISSIONS: Permissions = {
  units: { list: EVERYONE, show: EVERYONE, export: EVERYONE, create: BUREAU, edit: BUREAU },
  'party-organizations': { list: EVERYONE, show: EVERYONE, export: EVERYONE, create: BUREAU, edit: BUREAU },
  /** Secretaries keep their own organisation's roster; the handlers check the organisation. */
  members: {
    list: EVERYONE,
    show: EVERYONE,
    export: EVERYONE,
    create: [...BUREAU, 'secretary'],
    edit: [...BUREAU, 'secretary'],
  },
  positions: {
    list: EVERYONE,
    show: EVERYONE,
    export: EVERYONE,
    create: [...BUREAU, 'secretary'],
    edit: [...BUREAU, 'secretary'],
  },
};
