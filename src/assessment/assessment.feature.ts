import type { Feature } from '../core/feature.js';
import { assessmentDemo } from './assessment.demo.js';
import { assessmentObligations } from './assessment.obligations.js';
import { ASSESSMENT_EVENT_TYPES } from './assessment.events.js';
import { AssessmentModule } from './assessment.module.js';
import { ASSESSMENT_PERMISSIONS } from './assessment.permissions.js';
import { bulletinsProjection } from './projections/bulletins.projection.js';
import { reviewsProjection } from './projections/reviews.projection.js';
import { assessedUnitsProjection } from './projections/assessed-units.projection.js';
import { ruleSetsProjection } from './projections/rule-sets.projection.js';
import { scoresProjection } from './projections/scores.projection.js';

/**
 * The annual target-responsibility assessment (年度目标责任考核, domain.md §7, issue 13): the bureau's
 * rules per year as data validated by a published JSON Schema, and every unit's score from its events.
 */
export const assessmentFeature: Feature = {
  name: 'assessment',
  module: AssessmentModule,
  events: ASSESSMENT_EVENT_TYPES,
  projections: [ruleSetsProjection, assessedUnitsProjection, scoresProjection, bulletinsProjection, reviewsProjection],
  permissions: ASSESSMENT_PERMISSIONS,
  demo: assessmentDemo,
  obligations: [assessmentObligations],
};
