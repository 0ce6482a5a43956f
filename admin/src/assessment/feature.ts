import type { AdminFeature } from '../common/adminFeature';
import { messages } from './messages';

/** The annual target-responsibility assessment (src/assessment): its messages; its screens come next. */
export const assessment: AdminFeature = {
  name: 'assessment',
  messages,
};
