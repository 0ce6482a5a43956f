import ActivityIcon from '@mui/icons-material/History';
import AuditIcon from '@mui/icons-material/ManageSearch';
import ReadsIcon from '@mui/icons-material/Visibility';
import type { AdminFeature } from '../common/adminFeature';
import { lazyPage } from '../common/lazyPage';
import { messages } from './messages';

const ActivityList = lazyPage(() => import('./ActivityList'), 'ActivityList');
const ActivityShow = lazyPage(() => import('./ActivityShow'), 'ActivityShow');
const AuditUnitList = lazyPage(() => import('./AuditUnitList'), 'AuditUnitList');
const AuditUnitPage = lazyPage(() => import('./AuditUnitPage'), 'AuditUnitPage');
const AuditReadList = lazyPage(() => import('./AuditReadList'), 'AuditReadList');

/**
 * The activity log (every event in words, who, about whom, where and when), each unit's audit page (timeline,
 * score at any point, diff, export) and who read the audits (src/audit).
 */
export const audit: AdminFeature = {
  name: 'audit',
  resources: [
    { name: 'activity', list: ActivityList, show: ActivityShow, icon: ActivityIcon },
    { name: 'audit-units', list: AuditUnitList, show: AuditUnitPage, icon: AuditIcon, api: { path: 'audit/units' } },
    { name: 'audit-reads', list: AuditReadList, icon: ReadsIcon, api: { path: 'audit/reads' } },
  ],
  menu: [
    { resource: 'activity', order: 70 },
    { resource: 'audit-units', order: 71 },
    { resource: 'audit-reads', order: 72 },
  ],
  messages,
};
