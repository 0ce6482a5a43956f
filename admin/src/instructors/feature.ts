import CalendarIcon from '@mui/icons-material/CalendarMonth';
import DispatchIcon from '@mui/icons-material/AssignmentInd';
import ConfirmIcon from '@mui/icons-material/FactCheck';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { instructorsCommands } from './dataProvider';
import { messages } from './messages';

const CalendarPage = lazyPage(() => import('./CalendarPage'), 'CalendarPage');
const ConfirmationsPage = lazyPage(() => import('./ConfirmationsPage'), 'ConfirmationsPage');
const DispatchList = lazyPage(() => import('./DispatchList'), 'DispatchList');
const DispatchCreate = lazyPage(() => import('./DispatchCreate'), 'DispatchCreate');

/** Party-building instructors (党建工作指导员): the month calendar, visits and dispatches: src/instructors. */
export const instructors: AdminFeature = {
  name: 'instructors',
  resources: [
    { name: 'instructor-calendar', list: CalendarPage, icon: CalendarIcon },
    {
      name: 'instructor-dispatches',
      list: DispatchList,
      create: DispatchCreate,
      icon: DispatchIcon,
      api: { path: 'instructors/dispatches' },
    },
    { name: 'org-life-confirmations', list: ConfirmationsPage, icon: ConfirmIcon },
  ],
  menu: [
    { resource: 'instructor-calendar', order: 50 },
    { resource: 'instructor-dispatches', order: 51 },
    { resource: 'org-life-confirmations', order: 52 },
  ],
  commands: instructorsCommands,
  messages,
};
