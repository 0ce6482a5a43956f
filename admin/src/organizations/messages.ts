import { ORGANIZATION_EVENT_LABELS } from '../../../src/organizations/organizations.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { memberMessages } from './members/messages.js';
import { partyOrganizationMessages } from './partyOrganizations/messages.js';
import { positionMessages } from './positions/messages.js';
import { unitMessages } from './units/messages.js';

/** What the feature's resources share: the date of a command, and the events' labels (src/organizations). */
const shared = {
  zh: { commands: { on: '日期' }, choices: { event: inLanguage(ORGANIZATION_EVENT_LABELS, 'zh') } },
  en: { commands: { on: 'Date' }, choices: { event: inLanguage(ORGANIZATION_EVENT_LABELS, 'en') } },
};

/** Units, Party organisations, members and posts, each resource's part from its folder. */
export const messages = mergeFeatureMessages([
  unitMessages,
  partyOrganizationMessages,
  memberMessages,
  positionMessages,
  shared,
]);
