import ActivityIcon from '@mui/icons-material/History';
import { ActivityList } from './ActivityList';
import { ActivityShow } from './ActivityShow';

export default {
  list: ActivityList,
  show: ActivityShow,
  icon: ActivityIcon,
};
