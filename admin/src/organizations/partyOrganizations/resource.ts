import OrgIcon from '@mui/icons-material/AccountBalance';
import type { AdminResource } from '../../common/adminFeature';
import { lazyPage } from '../../common/lazyPage';

const PartyOrgCreate = lazyPage(() => import('./PartyOrgCreate'), 'PartyOrgCreate');
const PartyOrgList = lazyPage(() => import('./PartyOrgList'), 'PartyOrgList');
const PartyOrgShow = lazyPage(() => import('./PartyOrgShow'), 'PartyOrgShow');
const PartyOrgTree = lazyPage(() => import('./PartyOrgTree'), 'PartyOrgTree');

export const partyOrganizations: AdminResource = {
  name: 'party-organizations',
  list: PartyOrgList,
  create: PartyOrgCreate,
  show: PartyOrgShow,
  icon: OrgIcon,
  recordRepresentation: 'name',
  routes: [{ path: 'tree', page: PartyOrgTree }],
};
