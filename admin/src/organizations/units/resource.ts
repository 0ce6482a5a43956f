import UnitIcon from '@mui/icons-material/School';
import type { AdminResource } from '../../common/adminFeature';
import { lazyPage } from '../../common/lazyPage';

const UnitCreate = lazyPage(() => import('./UnitCreate'), 'UnitCreate');
const UnitEdit = lazyPage(() => import('./UnitEdit'), 'UnitEdit');
const UnitList = lazyPage(() => import('./UnitList'), 'UnitList');
const UnitShow = lazyPage(() => import('./UnitShow'), 'UnitShow');

export const units: AdminResource = {
  name: 'units',
  list: UnitList,
  create: UnitCreate,
  edit: UnitEdit,
  show: UnitShow,
  icon: UnitIcon,
  recordRepresentation: 'name',
};
