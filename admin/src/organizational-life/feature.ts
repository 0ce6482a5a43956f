import type { AdminFeature } from '../common/adminFeature';
import { messages } from './messages';

/** Organisational life (组织生活, 三会一课): meetings, the month grid, lessons, typical cases: src/organizational-life. */
export const organizationalLife: AdminFeature = {
  name: 'organizational-life',
  messages,
};
