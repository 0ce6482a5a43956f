import type { Feature } from '../core/feature.js';
import { organizationalLifeDemo } from './organizational-life.demo.js';
import { ORGANIZATIONAL_LIFE_EVENT_TYPES } from './organizational-life.events.js';
import { OrganizationalLifeModule } from './organizational-life.module.js';
import { organizationalLifeObligations } from './organizational-life.obligations.js';
import { ORGANIZATIONAL_LIFE_PERMISSIONS } from './organizational-life.permissions.js';
import { orglifeBranchesProjection } from './projections/orglife-branches.projection.js';
import { orglifeCalendarProjection } from './projections/orglife-calendar.projection.js';
import { orglifeMeetingsProjection } from './projections/orglife-meetings.projection.js';
import { orglifeTypicalCasesProjection } from './projections/orglife-typical-cases.projection.js';

/** Organisational life (组织生活, 三会一课), rotating Party lessons and typical cases (issue 12 §3). */
export const organizationalLifeFeature: Feature = {
  name: 'organizational-life',
  module: OrganizationalLifeModule,
  events: ORGANIZATIONAL_LIFE_EVENT_TYPES,
  projections: [
    orglifeBranchesProjection,
    orglifeMeetingsProjection,
    orglifeCalendarProjection,
    orglifeTypicalCasesProjection,
  ],
  permissions: ORGANIZATIONAL_LIFE_PERMISSIONS,
  demo: organizationalLifeDemo,
  obligations: [organizationalLifeObligations],
};
