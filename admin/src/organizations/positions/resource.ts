import PositionIcon from '@mui/icons-material/Badge';
import type { AdminResource } from '../../common/adminFeature';
import { lazyPage } from '../../common/lazyPage';

const PositionList = lazyPage(() => import('./PositionList'), 'PositionList');

/** No show page of its own: a row leads to its organisation's posts tab, where posts are assigned and ended. */
export const positions: AdminResource = {
  name: 'positions',
  list: PositionList,
  icon: PositionIcon,
};
