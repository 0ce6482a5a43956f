import type { Feature } from '../core/feature.js';
import { AuditModule } from './audit.module.js';
import { AUDIT_PERMISSIONS } from './audit.permissions.js';
import { activityProjection } from './projections/activity.projection.js';

/** The activity log (every event of every feature, in words); timelines and as-of queries to come. */
export const auditFeature: Feature = {
  name: 'audit',
  module: AuditModule,
  events: [],
  projections: [activityProjection],
  permissions: AUDIT_PERMISSIONS,
};
