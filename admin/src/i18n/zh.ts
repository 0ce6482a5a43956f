/**
 * The kernel's own messages in Simplified Chinese: the app's name, shared commands (a password, a
 * conflict), exports and validation. Each feature brings its own part (<feature>/messages.ts), merged
 * with these and react-admin's in i18n/messages.ts; en.ts has the same keys (its type says so).
 * Chinese has one plural form: no `||||` here (polyglot would only ever use the first).
 */
export const zh = {
  app: {
    title: '党建台账',
    subtitle: '县教育局党委党建工作台账',
    /** The aria label of every list's page navigation (MUI's own is English). */
    pagination: '分页导航',
  },
  commands: {
    new_password: '新密码',
    confirm_password: '确认新密码',
    current_password: '当前密码',
    change_password: '修改密码',
    change_password_done: '密码已修改',
    conflict: '记录已被他人修改，请刷新页面后重试',
    not_supported: '不支持此操作',
  },
  export: {
    csv: '导出 CSV',
    xlsx: '导出 Excel',
  },
  validation: {
    password_rule: '密码至少 8 个字符，须同时包含字母和数字',
    password_mismatch: '两次输入的密码不一致',
  },
};

export type KernelMessages = typeof zh;
