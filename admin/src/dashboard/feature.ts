import type { AdminFeature } from '../common/adminFeature';
import { Dashboard } from './Dashboard';
import { dashboardCommands } from './dataProvider';
import { messages } from './messages';

/** Each role's home page (src/dashboard): loaded with the shell, as it is the first page after signing in. */
export const dashboard: AdminFeature = {
  name: 'dashboard',
  dashboard: Dashboard,
  commands: dashboardCommands,
  messages,
};
