import OrgIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../../common/lazyPage';

const PartyOrgCreate = lazyPage(() => import('./PartyOrgCreate'), 'PartyOrgCreate');
const PartyOrgList = lazyPage(() => import('./PartyOrgList'), 'PartyOrgList');
const PartyOrgShow = lazyPage(() => import('./PartyOrgShow'), 'PartyOrgShow');

export const PartyOrgTree = lazyPage(() => import('./PartyOrgTree'), 'PartyOrgTree');

export default {
  list: PartyOrgList,
  create: PartyOrgCreate,
  show: PartyOrgShow,
  icon: OrgIcon,
  recordRepresentation: 'name',
};
