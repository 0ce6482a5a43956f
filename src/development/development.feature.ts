import type { Feature } from '../core/feature.js';
import { developmentDemo } from './development.demo.js';
import { DEVELOPMENT_EVENT_TYPES } from './development.events.js';
import { DevelopmentModule } from './development.module.js';
import { developmentObligations } from './development.obligations.js';
import { DEVELOPMENT_PERMISSIONS } from './development.permissions.js';
import { developedPerYearProjection } from './projections/developed-per-year.projection.js';
import { developmentCasesProjection } from './projections/development-cases.projection.js';
import { developmentNamesProjection } from './projections/development-names.projection.js';
import { developmentObligationsProjection } from './projections/development-obligations.projection.js';
import { developmentPipelineProjection } from './projections/development-pipeline.projection.js';

/** Membership development (发展党员, domain.md §4): 5 stages, 25 steps, the time rules as versioned data. */
export const developmentFeature: Feature = {
  name: 'development',
  module: DevelopmentModule,
  events: DEVELOPMENT_EVENT_TYPES,
  projections: [
    developmentNamesProjection,
    developmentCasesProjection,
    developmentObligationsProjection,
    developmentPipelineProjection,
    developedPerYearProjection,
  ],
  permissions: DEVELOPMENT_PERMISSIONS,
  demo: developmentDemo,
  obligations: [developmentObligations],
};
