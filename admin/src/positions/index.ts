import PositionIcon from '@mui/icons-material/Badge';
import { PositionList } from './PositionList';

/** No show page: the API has no GET /positions/:id; a row leads to its organisation's posts tab. */
export default {
  list: PositionList,
  icon: PositionIcon,
};
