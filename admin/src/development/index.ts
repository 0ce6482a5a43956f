import DevelopmentIcon from '@mui/icons-material/HowToReg';
import { DevelopmentCreate } from './DevelopmentCreate';
import { DevelopmentList } from './DevelopmentList';
import { DevelopmentShow } from './DevelopmentShow';

export { PipelineBoard } from './PipelineBoard';

export default {
  list: DevelopmentList,
  create: DevelopmentCreate,
  show: DevelopmentShow,
  icon: DevelopmentIcon,
  recordRepresentation: 'name',
};
