import { USER_EVENT_TYPES } from '../auth/auth.events.js';
import { DEVELOPMENT_EVENT_TYPES } from '../development/development.events.js';
import { ORGANIZATION_EVENT_TYPES } from '../organizations/organizations.events.js';

/**
 * The event types the activity log (GET /api/activity) may show, by feature: the admin has a label for
 * each in both languages (choices.event.<Type>, checked by test/admin/messages.spec.ts).
 */
export const EVENT_TYPES_BY_FEATURE = {
  auth: USER_EVENT_TYPES,
  organizations: ORGANIZATION_EVENT_TYPES,
  development: DEVELOPMENT_EVENT_TYPES,
} as const;
