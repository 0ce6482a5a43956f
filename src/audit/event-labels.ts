import type { Bilingual } from '../core/errors.js';
import { ASSESSMENT_EVENT_LABELS } from '../assessment/assessment.events.js';
import { USER_EVENT_LABELS } from '../auth/auth.events.js';
import { DEVELOPMENT_EVENT_LABELS } from '../development/development.events.js';
import { EVIDENCE_EVENT_LABELS } from '../evidence/evidence.events.js';
import { INSTRUCTOR_EVENT_LABELS } from '../instructors/instructors.events.js';
import { ORGANIZATIONAL_LIFE_EVENT_LABELS } from '../organizational-life/organizational-life.events.js';
import { ORGANIZATION_EVENT_LABELS } from '../organizations/organizations.events.js';
import { PAIRING_EVENT_LABELS } from '../pairing/pairing.events.js';
import { AUDIT_EVENT_LABELS } from './audit.events.js';

/**
 * Every event type in words, from each feature's events file, for what the server writes itself (the
 * audit export). The admin reads the same labels through each feature's messages. A type missing here
 * (a feature added later) is written as it is, never refused.
 */
const LABELS: Record<string, Bilingual> = {
  ...ORGANIZATION_EVENT_LABELS,
  ...DEVELOPMENT_EVENT_LABELS,
  ...PAIRING_EVENT_LABELS,
  ...USER_EVENT_LABELS,
  ...INSTRUCTOR_EVENT_LABELS,
  ...ORGANIZATIONAL_LIFE_EVENT_LABELS,
  ...EVIDENCE_EVENT_LABELS,
  ...ASSESSMENT_EVENT_LABELS,
  ...AUDIT_EVENT_LABELS,
};

export const eventLabel = (type: string): Bilingual =>
  Object.hasOwn(LABELS, type) ? LABELS[type] : { zh: type, en: type };
