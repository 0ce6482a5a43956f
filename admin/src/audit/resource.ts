import ActivityIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

const ActivityList = lazyPage(() => import('./ActivityList'), 'ActivityList');
const ActivityShow = lazyPage(() => import('./ActivityShow'), 'ActivityShow');

export default {
  list: ActivityList,
  show: ActivityShow,
  icon: ActivityIcon,
};
