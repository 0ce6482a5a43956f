import { BUREAU, READERS, type Permissions } from '../core/roles.js';

/**
 * Criticism notices' resources. Plain data importing only core/roles.ts: the admin may bundle it. The bureau
 * drafts, approves (never the drafter: checked by the decider), issues, circulates, urges and closes; a
 * secretary reads the notices circulated to its units, acknowledges and reports rectification for them only
 * (checked by the routes); auditors read everything and write nothing.
 */
const WITH_SECRETARIES = [...READERS, 'secretary'] as const;

export const NOTICES_PERMISSIONS: Permissions = {
  /** The notices themselves: drafting, editing, the workflow's bureau steps; approval is its own action. */
  'criticism-notices': {
    list: WITH_SECRETARIES,
    show: WITH_SECRETARIES,
    create: BUREAU,
    edit: BUREAU,
    approve: BUREAU,
  },
  /** Lagging units found from the bulletin, grades and overdue obligations: the bureau's suggestion list. */
  'notice-suggestions': { list: READERS },
  /** A secretary's notices to read (待阅通报) with the unread badge, acknowledging and rectifying; the bureau and auditors read every unit's receipts. */
  'notice-inbox': { list: WITH_SECRETARIES, create: ['secretary'] },
  /** Thresholds and working-day deadlines. */
  'notice-settings': { show: READERS, edit: BUREAU },
};
