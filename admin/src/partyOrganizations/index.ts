import OrgIcon from '@mui/icons-material/AccountBalance';
import { PartyOrgCreate } from './PartyOrgCreate';
import { PartyOrgList } from './PartyOrgList';
import { PartyOrgShow } from './PartyOrgShow';

export { PartyOrgTree } from './PartyOrgTree';

export default {
  list: PartyOrgList,
  create: PartyOrgCreate,
  show: PartyOrgShow,
  icon: OrgIcon,
  recordRepresentation: 'name',
};
