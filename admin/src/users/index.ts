import UserIcon from '@mui/icons-material/People';
import { UserCreate } from './UserCreate';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  create: UserCreate,
  show: UserShow,
  icon: UserIcon,
  recordRepresentation: 'displayName',
};
