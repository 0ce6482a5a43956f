import type { Feature } from '../core/feature.js';
import { AUDIT_EVENT_TYPES } from './audit.events.js';
import { AuditModule } from './audit.module.js';
import { AUDIT_PERMISSIONS } from './audit.permissions.js';
import { activityProjection } from './projections/activity.projection.js';
import { auditReadsProjection } from './projections/audit-reads.projection.js';

/** The activity log (every event of every feature, in words), units' audits at any point, and who read them. */
export const auditFeature: Feature = {
  name: 'audit',
  module: AuditModule,
  events: AUDIT_EVENT_TYPES,
  projections: [activityProjection, auditReadsProjection],
  permissions: AUDIT_PERMISSIONS,
};
