import { BUREAU, EVERYONE, type Permissions } from '../core/roles.js';

/** Membership development's resources. Plain data importing only core/roles.ts: the admin may bundle it. */
export const DEVELOPMENT_PERMISSIONS: Permissions = {
  /** Membership development cases; secretaries act on their own organisations' cases (checked by the routes). */
  development: {
    list: EVERYONE,
    show: EVERYONE,
    create: [...BUREAU, 'secretary'],
    edit: [...BUREAU, 'secretary'],
    /**
     * The higher committee's steps (13 pre-review, 16 interview, 17 approval, 18 filing, 24 conversion
     * approval): only a basic-level Party committee with approval authority takes them (domain.md §4.1).
     * The bureau's roles may; a secretary only for the cases under a committee with approval authority
     * among their own organisations (checked by the routes, StepSender), never a branch's or a general
     * branch's secretary.
     */
    approve: [...BUREAU, 'secretary'],
  },
};
