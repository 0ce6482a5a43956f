import ActivityIcon from '@mui/icons-material/History';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { messages } from './messages';

const ActivityList = lazyPage(() => import('./ActivityList'), 'ActivityList');
const ActivityShow = lazyPage(() => import('./ActivityShow'), 'ActivityShow');

/** The activity log: every event in words, who, about whom, where and when (src/audit). */
export const audit: AdminFeature = {
  name: 'audit',
  resources: [{ name: 'activity', list: ActivityList, show: ActivityShow, icon: ActivityIcon }],
  menu: [{ resource: 'activity', order: 70 }],
  messages,
};
