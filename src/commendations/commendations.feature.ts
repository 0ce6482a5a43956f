import type { Feature } from '../core/feature.js';
import { commendationsDemo } from './commendations.demo.js';
import { COMMENDATION_EVENT_TYPES } from './commendations.events.js';
import { CommendationsModule } from './commendations.module.js';
import { commendationsObligations } from './commendations.obligations.js';
import { COMMENDATIONS_PERMISSIONS } from './commendations.permissions.js';
import { commendationCyclesProjection } from './projections/cycles.projection.js';
import { rosterCopyProjection } from '../organizations/organizations.facts.js';

/**
 * Commendations (两优一先, domain.md §6, issue 16): cycles with quotas and due dates, branches'
 * nominations, the automatic one-vote veto from discipline's read door, publicity in working days, the
 * decision and awards as events (for assessment bonus rules), revocation. D5, D6, E9.
 */
export const commendationsFeature: Feature = {
  name: 'commendations',
  module: CommendationsModule,
  events: COMMENDATION_EVENT_TYPES,
  projections: [rosterCopyProjection('commendations'), commendationCyclesProjection],
  permissions: COMMENDATIONS_PERMISSIONS,
  demo: commendationsDemo,
  obligations: [commendationsObligations],
};
