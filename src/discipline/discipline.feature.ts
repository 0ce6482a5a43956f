import type { Feature } from '../core/feature.js';
import { disciplineDemo } from './discipline.demo.js';
import { DISCIPLINE_EVENT_TYPES } from './discipline.events.js';
import { DisciplineModule } from './discipline.module.js';
import { disciplineObligations } from './discipline.obligations.js';
import { DISCIPLINE_PERMISSIONS } from './discipline.permissions.js';
import { disciplineCasesProjection } from './projections/cases.projection.js';
import { rosterCopyProjection } from '../organizations/organizations.facts.js';

/**
 * Discipline (domain.md §5, issue 16): Party and administrative sanctions as separate records with their
 * periods (versioned data), 留党察看, probationary members' measures, teacher-ethics double punishment,
 * appeals, and the eligibility read door development and commendations use. E1–E8.
 */
export const disciplineFeature: Feature = {
  name: 'discipline',
  module: DisciplineModule,
  events: DISCIPLINE_EVENT_TYPES,
  projections: [rosterCopyProjection('discipline'), disciplineCasesProjection],
  permissions: DISCIPLINE_PERMISSIONS,
  demo: disciplineDemo,
  obligations: [disciplineObligations],
};
