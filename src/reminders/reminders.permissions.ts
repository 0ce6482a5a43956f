import { EVERYONE, READERS, ROLES, type Permissions } from '../core/roles.js';

const ADMIN = ['bureau_admin'] as const;
/**
 * Who can be reminded: everyone but the auditor, who owes no obligation (domain.md §12 names none) and writes
 * nothing anywhere (issue 15), so has no inbox to mark read nor channels to choose.
 */
const REMINDED = ROLES.filter((role) => role !== 'auditor');

/**
 * The reminders' resources. Plain data importing only core/roles.ts: the admin may bundle it. Everyone reminded
 * has an inbox and chooses their own channels; the bureau and the auditor read the reminder log, the deliveries and
 * the overview; the bureau administrator sets offsets, robots and the calendar, retries failed deliveries and
 * alone opens the queue board.
 */
export const REMINDER_PERMISSIONS: Permissions = {
  /** One's own reminders: read, mark read, snooze. */
  'reminder-inbox': { list: REMINDED, show: REMINDED, edit: REMINDED },
  /** One's own channel choices (and, for the administrator, anyone's). */
  'reminder-channels': { show: REMINDED, edit: REMINDED },
  /** Every reminder sent, with snoozes and their reasons; a scan on request. */
  reminders: { list: READERS, show: READERS, create: ADMIN },
  'reminder-deliveries': { list: READERS, edit: ADMIN },
  'reminder-overview': { list: READERS },
  'reminder-settings': { show: EVERYONE, edit: ADMIN },
  'reminder-robots': { list: READERS, create: ADMIN, edit: ADMIN, delete: ADMIN },
  'reminder-calendar': { list: EVERYONE, edit: ADMIN },
  /** bull-board at /admin/queues. */
  'reminder-queues': { list: ADMIN, show: ADMIN },
};
