import type { Feature } from '../core/feature.js';
import { instructorsDemo } from './instructors.demo.js';
import { INSTRUCTOR_EVENT_TYPES } from './instructors.events.js';
import { InstructorsModule } from './instructors.module.js';
import { instructorsObligations } from './instructors.obligations.js';
import { INSTRUCTORS_PERMISSIONS } from './instructors.permissions.js';
import { instructorsDirectoryProjection } from './projections/directory.projection.js';
import { instructorsLedgerProjection } from './projections/ledger.projection.js';

/**
 * Party-building instructors (党建工作指导员, domain.md §2.1, §8; issue 12 §2): dispatches, monthly visits
 * (C1) with the calendar of missed months, and affiliated organisations' monthly confirmations (C6).
 */
export const instructorsFeature: Feature = {
  name: 'instructors',
  module: InstructorsModule,
  events: INSTRUCTOR_EVENT_TYPES,
  projections: [instructorsDirectoryProjection, instructorsLedgerProjection],
  permissions: INSTRUCTORS_PERMISSIONS,
  demo: instructorsDemo,
  obligations: [instructorsObligations],
};
