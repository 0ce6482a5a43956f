import type { Feature } from '../core/feature.js';
import { remindersProjection } from './projections/reminders.projection.js';
import { REMINDER_EVENT_TYPES } from './reminders.events.js';
import { RemindersModule } from './reminders.module.js';
import { REMINDER_PERMISSIONS } from './reminders.permissions.js';

/**
 * Reminders to the people of the catalogue's "Who" column (domain.md §12) from every feature's obligations,
 * in the app, by email and to group robots; escalation to the bureau office. Its delivery policy runs on its
 * own queue (ReminderEngine), not among the kernel's policies: its worker puts rate-limited sends off.
 */
export const remindersFeature: Feature = {
  name: 'reminders',
  module: RemindersModule,
  events: REMINDER_EVENT_TYPES,
  projections: [remindersProjection],
  permissions: REMINDER_PERMISSIONS,
};
