import { Admin, Resource } from 'react-admin';
import activity from './activity';
import { authProvider } from './auth/authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import units from './units';
import users from './users';

/** Each resource shows in the menu only for the roles src/auth/permissions.ts lets list it. */
export const App = () => (
  <Admin
    title="党建台账"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    <Resource name="units" {...units} />
    <Resource name="users" {...users} />
    <Resource name="activity" {...activity} />
  </Admin>
);
