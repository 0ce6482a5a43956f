import MemberIcon from '@mui/icons-material/Groups';
import { lazyPage } from '../../common/lazyPage';

const MemberCreate = lazyPage(() => import('./MemberCreate'), 'MemberCreate');
const MemberList = lazyPage(() => import('./MemberList'), 'MemberList');
const MemberShow = lazyPage(() => import('./MemberShow'), 'MemberShow');

export const MemberImport = lazyPage(() => import('./import/MemberImport'), 'MemberImport');

export default {
  list: MemberList,
  create: MemberCreate,
  show: MemberShow,
  icon: MemberIcon,
  recordRepresentation: 'name',
};
