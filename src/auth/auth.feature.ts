import type { Feature } from '../core/feature.js';
import { authDemo } from './auth.demo.js';
import { USER_EVENT_TYPES } from './auth.events.js';
import { AuthModule } from './auth.module.js';
import { AUTH_PERMISSIONS } from './auth.permissions.js';
import { usersProjection } from './projections/users.projection.js';

/** Users, roles, sign-in and the global access guard (checking the matrix merged from every feature). */
export const authFeature: Feature = {
  name: 'auth',
  module: AuthModule,
  events: USER_EVENT_TYPES,
  projections: [usersProjection],
  permissions: AUTH_PERMISSIONS,
  demo: authDemo,
};
