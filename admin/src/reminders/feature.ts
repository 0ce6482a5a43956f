import AlarmIcon from '@mui/icons-material/Alarm';
import InboxIcon from '@mui/icons-material/Inbox';
import SendIcon from '@mui/icons-material/Send';
import SmartToyIcon from '@mui/icons-material/SmartToy';
import TrafficIcon from '@mui/icons-material/Traffic';
import ViewQuiltIcon from '@mui/icons-material/ViewQuilt';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { messages } from './messages';
import { UnreadBadge } from './UnreadBadge';

const InboxList = lazyPage(() => import('./ReminderLists'), 'InboxList');
const ReminderLog = lazyPage(() => import('./ReminderLists'), 'ReminderLog');
const DeliveriesList = lazyPage(() => import('./ReminderLists'), 'DeliveriesList');
const RobotsList = lazyPage(() => import('./ReminderLists'), 'RobotsList');
const RobotCreate = lazyPage(() => import('./ReminderLists'), 'RobotCreate');
const OverviewList = lazyPage(() => import('./ReminderPages'), 'OverviewList');
const ChannelsPage = lazyPage(() => import('./ReminderPages'), 'ChannelsPage');
const SettingsPage = lazyPage(() => import('./ReminderPages'), 'SettingsPage');
const QueueBoardPage = lazyPage(() => import('./ReminderPages'), 'QueueBoardPage');

/** Reminders (src/reminders): one's inbox and channels; the bureau's log, overview, deliveries, robots, settings, queues. */
export const reminders: AdminFeature = {
  name: 'reminders',
  resources: [
    { name: 'reminder-inbox', list: InboxList, icon: InboxIcon, routes: [{ path: 'channels', page: ChannelsPage }] },
    { name: 'reminders', list: ReminderLog, icon: AlarmIcon },
    { name: 'reminder-overview', list: OverviewList, icon: TrafficIcon },
    { name: 'reminder-deliveries', list: DeliveriesList, icon: SendIcon },
    {
      name: 'reminder-robots',
      list: RobotsList,
      create: RobotCreate,
      icon: SmartToyIcon,
      recordRepresentation: 'name',
      routes: [{ path: 'settings', page: SettingsPage }],
    },
    { name: 'reminder-queues', list: QueueBoardPage, icon: ViewQuiltIcon },
  ],
  menu: [
    { resource: 'reminder-inbox', order: 80 },
    { resource: 'reminder-overview', order: 88 },
    { resource: 'reminders', order: 89 },
    { resource: 'reminder-deliveries', order: 90 },
    { resource: 'reminder-robots', order: 91 },
    { resource: 'reminder-queues', order: 92 },
  ],
  appBarItems: [UnreadBadge],
  messages,
};
