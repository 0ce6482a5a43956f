import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, type ComponentType, type ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal, useLocaleState, useTranslate } from 'react-admin';
import { AccountMenu } from './AccountMenu';

/** React-admin's layout; the app bar keeps its language switcher (中文 / English) and adds "change password". */
const PartyLedgerAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <TitlePortal />
  </AppBar>
);

/**
 * MUI names every pagination `<nav>` "pagination navigation" in English and react-admin has no prop for
 * it: give the nav a label in the user's language through the theme, for every list at once.
 */
const useLocalisedTheme = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        MuiPagination: {
          ...outer.components?.MuiPagination,
          defaultProps: {
            ...outer.components?.MuiPagination?.defaultProps,
            'aria-label': translate('app.pagination', { _: 'Pagination' }),
          },
        },
      },
    }),
    [translate, locale],
  );
};

/** `menu`: the features' menu (App.tsx); react-admin's default lists every resource in registration order. */
export const Layout = ({ children, menu }: { children: ReactNode; menu?: ComponentType }) => (
  <ThemeProvider theme={useLocalisedTheme()}>
    <RaLayout appBar={PartyLedgerAppBar} menu={menu}>
      {children}
    </RaLayout>
  </ThemeProvider>
);
