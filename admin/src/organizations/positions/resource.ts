import PositionIcon from '@mui/icons-material/Badge';
import { lazyPage } from '../../common/lazyPage';

const PositionList = lazyPage(() => import('./PositionList'), 'PositionList');

/** No show page of its own: a row leads to its organisation's posts tab, where posts are assigned and ended. */
export default {
  list: PositionList,
  icon: PositionIcon,
};
