import { assembleFeatures } from '../../src/core/feature.js';
import { can as canIn, type Action, type Role } from '../../src/core/roles.js';
import { FEATURES } from '../../src/features.js';

/**
 * The admin's menu as each role must find it, derived from the same role matrix the server enforces: the
 * browser tests compare a signed-in role's menu with {@link expectedMenu}. A new list page adds its label here.
 */
/** The matrix the guard checks: every feature's permissions, merged as the app merges them. */
export const MATRIX = assembleFeatures(FEATURES).permissions;
export const can = (roles: readonly string[], resource: string, action: Action) =>
  canIn(MATRIX, roles, resource, action);

export const RESOURCES = {
  units: '单位',
  'party-organizations': '党组织',
  members: '党员',
  development: '发展党员',
  pairings: '帮扶共同体',
  'organizational-life': '组织生活',
  'typical-cases': '典型案例',
  evidence: '印证资料',
  positions: '职务',
  users: '用户',
  activity: '动态',
  'audit-units': '审计回溯',
  'audit-reads': '审计查阅记录',
  'instructor-calendar': '指导员日历',
  'instructor-dispatches': '指导员派驻',
  'org-life-confirmations': '挂靠组织月度确认',
  'assessment-scores': '考核排名',
  'assessment-rules': '考核细则',
  'discipline-cases': '纪律处分案件',
  'discipline-eligibility': '资格查询',
  'commendation-cycles': '“两优一先”评选',
  'criticism-notices': '通报批评',
  'notice-inbox': '待阅通报',
  'reminder-inbox': '我的提醒',
  'reminder-overview': '督办总览',
  reminders: '提醒记录',
  'reminder-deliveries': '消息发送',
  'reminder-robots': '群机器人',
  'reminder-queues': '任务队列',
} as const;
export const ENGLISH = {
  units: 'Units',
  'party-organizations': 'Party organisations',
  members: 'Members',
  development: 'Membership development',
  pairings: 'Pairing communities',
  'organizational-life': 'Organisational life',
  'typical-cases': 'Typical cases',
  evidence: 'Evidence',
  positions: 'Post holders',
  users: 'Users',
  activity: 'Activity',
  'audit-units': 'Audit replay',
  'audit-reads': 'Audit reads',
  'instructor-calendar': 'Instructor calendar',
  'instructor-dispatches': 'Instructor dispatches',
  'org-life-confirmations': 'Monthly organisational-life confirmations',
  'assessment-scores': 'Assessment ranking',
  'assessment-rules': 'Assessment rules',
  'discipline-cases': 'Discipline cases',
  'discipline-eligibility': 'Eligibility look-up',
  'commendation-cycles': 'Commendations (两优一先)',
  'criticism-notices': 'Criticism notices',
  'notice-inbox': 'Notices to read',
  'reminder-inbox': 'My reminders',
  'reminder-overview': 'Obligations overview',
  reminders: 'Reminder log',
  'reminder-deliveries': 'Deliveries',
  'reminder-robots': 'Group robots',
  'reminder-queues': 'Job queues',
} as const;
export type Resource = keyof typeof RESOURCES;

/** What each role must find in the menu, from the same matrix the server enforces. */
export const expectedMenu = (role: Role, labels: Record<Resource, string> = RESOURCES) =>
  (Object.keys(labels) as Resource[]).filter((resource) => can([role], resource, 'list')).map((r) => labels[r]);
