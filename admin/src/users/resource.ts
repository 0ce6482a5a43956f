import UserIcon from '@mui/icons-material/People';
import { lazyPage } from '../common/lazyPage';

const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');

export default {
  list: UserList,
  create: UserCreate,
  show: UserShow,
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
