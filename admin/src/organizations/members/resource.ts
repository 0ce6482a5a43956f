import MemberIcon from '@mui/icons-material/Groups';
import type { AdminResource } from '../../common/adminFeature';
import { lazyPage } from '../../common/lazyPage';

const MemberCreate = lazyPage(() => import('./MemberCreate'), 'MemberCreate');
const MemberList = lazyPage(() => import('./MemberList'), 'MemberList');
const MemberShow = lazyPage(() => import('./MemberShow'), 'MemberShow');
const MemberImport = lazyPage(() => import('./import/MemberImport'), 'MemberImport');

export const members: AdminResource = {
  name: 'members',
  list: MemberList,
  create: MemberCreate,
  show: MemberShow,
  icon: MemberIcon,
  recordRepresentation: 'name',
  routes: [{ path: 'import', page: MemberImport }],
};
