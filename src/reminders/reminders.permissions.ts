import { EVERYONE, READERS, type Permissions } from '../core/roles.js';

const ADMIN = ['bureau_admin'] as const;

/**
 * The reminders' resources. Plain data importing only core/roles.ts: the admin may bundle it. Everyone has an
 * inbox and chooses their own channels; the bureau and the auditor read the reminder log, the deliveries and
 * the overview; the bureau administrator sets offsets, robots and the calendar, retries failed deliveries and
 * alone opens the queue board.
 */
export const REMINDER_PERMISSIONS: Permissions = {
  /** One's own reminders: read, mark read, snooze. */
  'reminder-inbox': { list: EVERYONE, show: EVERYONE, edit: EVERYONE },
  /** One's own channel choices (and, for the administrator, anyone's). */
  'reminder-channels': { show: EVERYONE, edit: EVERYONE },
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
