import { assessment } from './assessment/feature';
import { audit } from './audit/feature';
import type { AdminFeature } from './common/adminFeature';
import { commendations } from './commendations/feature';
import { dashboard } from './dashboard/feature';
import { development } from './development/feature';
import { discipline } from './discipline/feature';
import { evidence } from './evidence/feature';
import { instructors } from './instructors/feature';
import { notices } from './notices/feature';
import { organizationalLife } from './organizational-life/feature';
import { organizations } from './organizations/feature';
import { pairing } from './pairing/feature';
import { reminders } from './reminders/feature';
import { users } from './users/feature';

/**
 * Every feature of the admin, one line each: App.tsx makes their resources, pages and menu, the data
 * provider adds their commands, the i18n provider merges their messages (each feature's in
 * <feature>/messages.ts, where the message specs read them). A feature mirrors src/<feature>.
 */
export const features: readonly AdminFeature[] = [
  organizations,
  development,
  discipline,
  commendations,
  pairing,
  instructors,
  organizationalLife,
  evidence,
  users,
  audit,
  assessment,
  notices,
  dashboard,
  reminders,
];
