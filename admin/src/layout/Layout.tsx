import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { AccountMenu } from './AccountMenu';

/** React-admin's layout; the app bar keeps its language switcher (中文 / English) and adds "change password". */
const PartyLedgerAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={PartyLedgerAppBar}>{children}</RaLayout>
);
