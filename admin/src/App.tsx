import type { ReactNode } from 'react';
import { Admin, Resource, reactRouterProvider } from 'react-admin';
import { authProvider } from './auth/authProvider';
import { createDataProvider } from './dataProvider';
import { features } from './features';
import { createI18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { FeatureMenu } from './layout/Menu';
import { theme } from './layout/theme';

/** React-admin's own router's Route (react-router's), so the app needs no direct router dependency. */
const { Route } = reactRouterProvider;

const dataProvider = createDataProvider(features);
const i18nProvider = createI18nProvider(features.map((feature) => feature.messages));
const dashboard = features.find((feature) => feature.dashboard)?.dashboard;
const resources = features.flatMap((feature) => feature.resources ?? []);
const menu = features.flatMap((feature) => feature.menu ?? []);

const AppMenu = () => <FeatureMenu entries={menu} />;
const AppLayout = ({ children }: { children: ReactNode }) => <Layout menu={AppMenu}>{children}</Layout>;

/**
 * The app is its features (admin/src/features.ts): their resources with their extra pages, their menu,
 * their commands and their messages. Each resource shows in the menu only for the roles the role matrix
 * (admin/src/auth/access.ts) lets list it.
 */
export const App = () => (
  <Admin
    title="党建台账"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={dashboard}
    layout={AppLayout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {resources.map(({ routes, api: _api, ...resource }) => (
      <Resource key={resource.name} {...resource}>
        {routes?.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      </Resource>
    ))}
  </Admin>
);
