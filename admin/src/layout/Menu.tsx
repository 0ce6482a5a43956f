import { Menu, useHasDashboard } from 'react-admin';
import type { MenuEntry } from '../common/adminFeature';

/**
 * React-admin's menu with the features' lines in their order: the dashboard first, then each resource's
 * list, shown only to the roles that may list it (react-admin asks the auth provider's canAccess).
 */
export const FeatureMenu = ({ entries }: { entries: readonly MenuEntry[] }) => {
  const hasDashboard = useHasDashboard();
  return (
    <Menu>
      {hasDashboard && <Menu.DashboardItem />}
      {[...entries]
        .sort((a, b) => a.order - b.order)
        .map((entry) => (
          <Menu.ResourceItem key={entry.resource} name={entry.resource} />
        ))}
    </Menu>
  );
};
