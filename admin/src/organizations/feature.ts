import type { AdminFeature } from '../common/adminFeature';
import { organizationCommands } from './dataProvider';
import { members } from './members/resource';
import { messages } from './messages';
import { partyOrganizations } from './partyOrganizations/resource';
import { positions } from './positions/resource';
import { units } from './units/resource';

/** Units, Party organisations (with their tree), members (with the roster import) and posts: src/organizations. */
export const organizations: AdminFeature = {
  name: 'organizations',
  resources: [units, partyOrganizations, members, positions],
  menu: [
    { resource: 'units', order: 10 },
    { resource: 'party-organizations', order: 20 },
    { resource: 'members', order: 30 },
    { resource: 'positions', order: 50 },
  ],
  commands: organizationCommands,
  messages,
};
