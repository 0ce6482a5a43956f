const zh = {
  dashboard: {
    title: '工作台',
    welcome: '您好，%{name}',
    recent: '最新动态',
    no_recent: '暂无动态',
    no_data: '暂无数据',
    load_error: '工作台数据加载失败',
    all_activity: '查看全部动态',
    rule: '依据提醒规则 %{rule}',
  },
};

const en: typeof zh = {
  dashboard: {
    title: 'Dashboard',
    welcome: 'Hello, %{name}',
    recent: 'Recent activity',
    no_recent: 'No activity yet',
    no_data: 'No data',
    load_error: 'Could not load the dashboard',
    all_activity: 'All activity',
    rule: 'Reminder rule %{rule}',
  },
};

/** The home page: tiles, charts and recent activity. */
export const messages = { zh, en };
