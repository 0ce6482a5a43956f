import { USER_EVENT_LABELS } from '../../../src/auth/auth.events.js';
import { ROLE_LABELS, ROLES } from '../auth/access.js';
import { inLanguage } from '../i18n/labels.js';

const roles = (language: 'zh' | 'en') => Object.fromEntries(ROLES.map((role) => [role, ROLE_LABELS[role][language]]));

const zh = {
  resources: {
    users: {
      name: '用户',
      fields: {
        q: '搜索',
        id: '编号',
        username: '用户名',
        displayName: '姓名',
        roles: '角色',
        role: '角色',
        status: '状态',
        revision: '版本',
        createdAt: '创建时间',
        updatedAt: '更新时间',
        password: '初始密码',
        orgIds: '负责的党组织编号',
        unitIds: '派驻单位',
      },
      registered: '用户“%{name}”已创建',
      scope_orgs: '党组织：%{ids}',
      scope_units: '单位：%{count} 个',
      org_ids_help: '每行或用逗号分隔一个党组织编号',
    },
  },
  choices: {
    role: { ...roles('zh'), system: '系统' },
    status: {
      active: '启用',
      disabled: '停用',
    },
    event: inLanguage(USER_EVENT_LABELS, 'zh'),
  },
  commands: {
    grant_role: '授予角色',
    grant_role_done: '已授予角色：%{role}',
    revoke_role: '撤销角色',
    revoke_role_confirm: '确定撤销用户 %{user} 的角色“%{role}”吗？',
    revoke_role_done: '已撤销角色：%{role}',
    disable: '停用',
    disable_confirm: '确定停用用户 %{user} 吗？停用后该用户无法登录。',
    disable_done: '用户已停用',
    enable: '启用',
    enable_confirm: '确定启用用户 %{user} 吗？',
    enable_done: '用户已启用',
    reset_password: '重置密码',
    reset_password_help: '为用户 %{user} 设置新密码，并请其登录后自行修改。',
    reset_password_done: '密码已重置',
  },
  validation: {
    username_rule: '用户名为 3–32 位小写字母、数字或 _ . -',
  },
};

const en: typeof zh = {
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        q: 'Search',
        id: 'ID',
        username: 'Username',
        displayName: 'Name',
        roles: 'Roles',
        role: 'Role',
        status: 'Status',
        revision: 'Revision',
        createdAt: 'Created at',
        updatedAt: 'Updated at',
        password: 'Initial password',
        orgIds: 'Party organisation IDs',
        unitIds: 'Units dispatched to',
      },
      registered: 'User “%{name}” created',
      scope_orgs: 'Organisations: %{ids}',
      scope_units: 'Units: %{count}',
      org_ids_help: 'One organisation ID per line or separated by commas',
    },
  },
  choices: {
    role: { ...roles('en'), system: 'System' },
    status: {
      active: 'Active',
      disabled: 'Disabled',
    },
    event: inLanguage(USER_EVENT_LABELS, 'en'),
  },
  commands: {
    grant_role: 'Grant role',
    grant_role_done: 'Role granted: %{role}',
    revoke_role: 'Revoke role',
    revoke_role_confirm: 'Revoke the role “%{role}” from %{user}?',
    revoke_role_done: 'Role revoked: %{role}',
    disable: 'Disable',
    disable_confirm: 'Disable %{user}? A disabled user cannot sign in.',
    disable_done: 'User disabled',
    enable: 'Enable',
    enable_confirm: 'Enable %{user}?',
    enable_done: 'User enabled',
    reset_password: 'Reset password',
    reset_password_help: 'Set a new password for %{user} and ask them to change it after signing in.',
    reset_password_done: 'Password reset',
  },
  validation: {
    username_rule: '3–32 lower-case letters, digits, _ . or -',
  },
};

/** Users and roles (src/auth): the screens, the commands on a user, role names and the events' labels. */
export const messages = { zh, en };
