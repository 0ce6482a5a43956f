import MeetingIcon from '@mui/icons-material/Groups';
import CaseIcon from '@mui/icons-material/EmojiEvents';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { organizationalLifeCommands } from './dataProvider';
import { messages } from './messages';

const MeetingList = lazyPage(() => import('./MeetingList'), 'MeetingList');
const MeetingCreate = lazyPage(() => import('./MeetingCreate'), 'MeetingCreate');
const MeetingShow = lazyPage(() => import('./MeetingShow'), 'MeetingShow');
const GridPage = lazyPage(() => import('./GridPage'), 'GridPage');
const TypicalCaseList = lazyPage(() => import('./TypicalCases'), 'TypicalCaseList');
const TypicalCaseCreate = lazyPage(() => import('./TypicalCases'), 'TypicalCaseCreate');
const TypicalCaseShow = lazyPage(() => import('./TypicalCases'), 'TypicalCaseShow');

/** Organisational life (组织生活, 三会一课): meetings, the month grid, lessons, typical cases: src/organizational-life. */
export const organizationalLife: AdminFeature = {
  name: 'organizational-life',
  resources: [
    {
      name: 'organizational-life',
      list: MeetingList,
      create: MeetingCreate,
      show: MeetingShow,
      icon: MeetingIcon,
      recordRepresentation: 'topic',
      routes: [{ path: 'grid', page: GridPage }],
      api: { path: 'organizational-life/meetings' },
    },
    {
      name: 'typical-cases',
      list: TypicalCaseList,
      create: TypicalCaseCreate,
      show: TypicalCaseShow,
      icon: CaseIcon,
      recordRepresentation: 'title',
      api: { path: 'organizational-life/typical-cases' },
    },
  ],
  menu: [
    { resource: 'organizational-life', order: 45 },
    { resource: 'typical-cases', order: 46 },
  ],
  commands: organizationalLifeCommands,
  messages,
};
