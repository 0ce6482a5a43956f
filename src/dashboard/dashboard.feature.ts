import type { Feature } from '../core/feature.js';
import { DashboardModule } from './dashboard.module.js';
import { DASHBOARD_PERMISSIONS } from './dashboard.permissions.js';

/** Every role's home page: the tiles the other features contribute through their descriptors. */
export const dashboardFeature: Feature = {
  name: 'dashboard',
  module: DashboardModule,
  events: [],
  permissions: DASHBOARD_PERMISSIONS,
};
