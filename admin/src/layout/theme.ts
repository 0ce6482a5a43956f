import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * React-admin's default theme with fonts every intranet machine already has: Chinese system fonts
 * first (Windows, macOS, Linux), never a web font from a CDN.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: {
    ...defaultTheme.typography,
    fontFamily: [
      '-apple-system',
      '"Segoe UI"',
      '"PingFang SC"',
      '"Hiragino Sans GB"',
      '"Microsoft YaHei"',
      '"Noto Sans CJK SC"',
      '"Source Han Sans SC"',
      '"WenQuanYi Micro Hei"',
      'Roboto',
      '"Helvetica Neue"',
      'Arial',
      'sans-serif',
    ].join(','),
    // MUI writes buttons and tabs in capitals: "导出 EXCEL". Chinese has no case, and names keep theirs.
    button: { textTransform: 'none' },
  },
};
