import NoticeIcon from '@mui/icons-material/Campaign';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { noticesCommands } from './dataProvider';
import { InboxIcon } from './InboxIcon';
import { messages } from './messages';

const NoticeList = lazyPage(() => import('./NoticeList'), 'NoticeList');
const NoticeShow = lazyPage(() => import('./NoticeShow'), 'NoticeShow');
const NoticeCreate = lazyPage(() => import('./NoticeCreate'), 'NoticeCreate');
const SuggestionsPage = lazyPage(() => import('./SuggestionsPage'), 'SuggestionsPage');
const InboxList = lazyPage(() => import('./InboxList'), 'InboxList');

/** Criticism notices (通报批评): the bureau's notices and lagging units, the secretaries' notices to read: src/notices. */
export const notices: AdminFeature = {
  name: 'notices',
  resources: [
    {
      name: 'criticism-notices',
      list: NoticeList,
      show: NoticeShow,
      create: NoticeCreate,
      icon: NoticeIcon,
      recordRepresentation: 'title',
      routes: [{ path: 'suggestions', page: SuggestionsPage }],
      api: { path: 'notices' },
    },
    { name: 'notice-inbox', list: InboxList, icon: InboxIcon, api: { path: 'notices/inbox' } },
  ],
  menu: [
    { resource: 'criticism-notices', order: 67 },
    { resource: 'notice-inbox', order: 68 },
  ],
  commands: noticesCommands,
  messages,
};
