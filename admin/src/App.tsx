import { Admin, Resource, reactRouterProvider } from 'react-admin';
import activity from './audit/resource';
import { authProvider } from './auth/authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import development, { PipelineBoard } from './development/resource';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import members, { MemberImport } from './organizations/members/resource';
import partyOrganizations, { PartyOrgTree } from './organizations/partyOrganizations/resource';
import positions from './organizations/positions/resource';
import units from './organizations/units/resource';
import users from './users/resource';

/** React-admin's own router's Route (react-router's), so the app needs no direct router dependency. */
const { Route } = reactRouterProvider;

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
    <Resource name="party-organizations" {...partyOrganizations}>
      <Route path="tree" element={<PartyOrgTree />} />
    </Resource>
    <Resource name="members" {...members}>
      <Route path="import" element={<MemberImport />} />
    </Resource>
    <Resource name="development" {...development}>
      <Route path="pipeline" element={<PipelineBoard />} />
    </Resource>
    <Resource name="positions" {...positions} />
    <Resource name="users" {...users} />
    <Resource name="activity" {...activity} />
  </Admin>
);
