import DevelopmentIcon from '@mui/icons-material/HowToReg';
import { lazyPage } from '../common/lazyPage';

const DevelopmentCreate = lazyPage(() => import('./DevelopmentCreate'), 'DevelopmentCreate');
const DevelopmentList = lazyPage(() => import('./DevelopmentList'), 'DevelopmentList');
const DevelopmentShow = lazyPage(() => import('./DevelopmentShow'), 'DevelopmentShow');

export const PipelineBoard = lazyPage(() => import('./PipelineBoard'), 'PipelineBoard');

export default {
  list: DevelopmentList,
  create: DevelopmentCreate,
  show: DevelopmentShow,
  icon: DevelopmentIcon,
  recordRepresentation: 'name',
};
