import UserIcon from '@mui/icons-material/People';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { userCommands } from './dataProvider';
import { messages } from './messages';

const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');

/**
 * Users and their roles: the screens of src/auth. Signing in and out, the session and the role matrix
 * are the kernel's (admin/src/auth), as every screen needs them.
 */
export const users: AdminFeature = {
  name: 'auth',
  resources: [
    {
      name: 'users',
      list: UserList,
      create: UserCreate,
      show: UserShow,
      icon: UserIcon,
      recordRepresentation: 'displayName',
    },
  ],
  menu: [{ resource: 'users', order: 60 }],
  commands: userCommands,
  messages,
};
