import MemberIcon from '@mui/icons-material/Groups';
import { MemberCreate } from './MemberCreate';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

export { MemberImport } from './import/MemberImport';

export default {
  list: MemberList,
  create: MemberCreate,
  show: MemberShow,
  icon: MemberIcon,
  recordRepresentation: 'name',
};
