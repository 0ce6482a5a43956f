import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, type ComponentType, type ReactNode } from 'react';
import {
  AppBar,
  Layout as RaLayout,
  LoadingIndicator,
  LocalesMenuButton,
  TitlePortal,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { features } from '../features';
import { AccountMenu } from './AccountMenu';

const APP_BAR_ITEMS = features.flatMap((feature) => feature.appBarItems ?? []);

/**
 * React-admin's layout; the app bar keeps its language switcher (中文 / English) and adds "change password",
 * and the features' own items (the reminders' unread badge).
 */
const PartyLedgerAppBar = () => (
  <AppBar
    userMenu={<AccountMenu />}
    toolbar={
      <>
        {APP_BAR_ITEMS.map((Item, index) => (
          <Item key={index} />
        ))}
        <LocalesMenuButton />
        <LoadingIndicator />
      </>
    }
  >
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
