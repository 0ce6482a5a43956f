import type { AdminFeature } from '../common/adminFeature';
import { messages } from './messages';

/** Party-building instructors (党建工作指导员): src/instructors. */
export const instructors: AdminFeature = {
  name: 'instructors',
  messages,
};
