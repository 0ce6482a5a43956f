import type { Feature } from '../core/feature.js';
import { unitsDashboard } from './dashboard.js';
import { organizationsDemo } from './organizations.demo.js';
import { ORGANIZATION_EVENT_TYPES } from './organizations.events.js';
import { OrganizationsModule } from './organizations.module.js';
import { rosterObligations } from './organizations.obligations.js';
import { ORGANIZATIONS_PERMISSIONS } from './organizations.permissions.js';
import { probationaryMembershipPolicy } from './policies/probationary-membership.policy.js';
import { membersProjection } from './projections/members.projection.js';
import { partyOrgsProjection } from './projections/party-orgs.projection.js';
import { positionsProjection } from './projections/positions.projection.js';
import { unitsProjection } from './projections/units.projection.js';

/** Units, Party organisations, affiliation, members, posts and the roster import (domain.md §1, §8). */
export const organizationsFeature: Feature = {
  name: 'organizations',
  module: OrganizationsModule,
  events: ORGANIZATION_EVENT_TYPES,
  projections: [unitsProjection, partyOrgsProjection, membersProjection, positionsProjection],
  // Approved development cases put people on the roster (issue #5); the job handlers are providers of the module.
  policies: [probationaryMembershipPolicy],
  permissions: ORGANIZATIONS_PERMISSIONS,
  dashboard: [unitsDashboard],
  demo: organizationsDemo,
  obligations: [rosterObligations],
};
