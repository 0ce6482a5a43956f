import CommendationIcon from '@mui/icons-material/EmojiEvents';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { commendationsCommands } from './dataProvider';
import { messages } from './messages';

const CycleList = lazyPage(() => import('./CycleList'), 'CycleList');
const CycleShow = lazyPage(() => import('./CycleShow'), 'CycleShow');
const CycleCreate = lazyPage(() => import('./CycleCreate'), 'CycleCreate');

/** 两优一先 cycles and their board: src/commendations. */
export const commendations: AdminFeature = {
  name: 'commendations',
  resources: [
    {
      name: 'commendation-cycles',
      list: CycleList,
      show: CycleShow,
      create: CycleCreate,
      icon: CommendationIcon,
      recordRepresentation: 'name',
      api: { path: 'commendations/cycles' },
    },
  ],
  menu: [{ resource: 'commendation-cycles', order: 62 }],
  commands: commendationsCommands,
  messages,
};
