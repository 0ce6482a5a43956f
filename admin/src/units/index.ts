import UnitIcon from '@mui/icons-material/School';
import { UnitCreate } from './UnitCreate';
import { UnitEdit } from './UnitEdit';
import { UnitList } from './UnitList';
import { UnitShow } from './UnitShow';

export default {
  list: UnitList,
  create: UnitCreate,
  edit: UnitEdit,
  show: UnitShow,
  icon: UnitIcon,
  recordRepresentation: 'name',
};
