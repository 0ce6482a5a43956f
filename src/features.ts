import { assessmentFeature } from './assessment/assessment.feature.js';
import { auditFeature } from './audit/audit.feature.js';
import { authFeature } from './auth/auth.feature.js';
import type { Feature } from './core/feature.js';
import { commendationsFeature } from './commendations/commendations.feature.js';
import { dashboardFeature } from './dashboard/dashboard.feature.js';
import { developmentFeature } from './development/development.feature.js';
import { disciplineFeature } from './discipline/discipline.feature.js';
import { evidenceFeature } from './evidence/evidence.feature.js';
import { instructorsFeature } from './instructors/instructors.feature.js';
import { noticesFeature } from './notices/notices.feature.js';
import { organizationalLifeFeature } from './organizational-life/organizational-life.feature.js';
import { organizationsFeature } from './organizations/organizations.feature.js';
import { pairingFeature } from './pairing/pairing.feature.js';
import { remindersFeature } from './reminders/reminders.feature.js';

/**
 * THE list of features: the app's modules, read models, policies, role matrix, home-page tiles, the
 * activity log's event types, the obligations list and the demo county all come from here, in this
 * order. Adding a feature is its folder plus one line here (docs/architecture.md, "Adding a feature").
 *
 * In dependency order: a feature comes after those whose facts it builds on, since its demo part seeds
 * after theirs (development's cases need the roster's branches; the demo accounts its units).
 */
export const FEATURES: readonly Feature[] = [
  organizationsFeature,
  developmentFeature,
  disciplineFeature,
  commendationsFeature,
  pairingFeature,
  authFeature,
  instructorsFeature,
  organizationalLifeFeature,
  evidenceFeature,
  auditFeature,
  assessmentFeature,
  noticesFeature,
  dashboardFeature,
  remindersFeature,
];
