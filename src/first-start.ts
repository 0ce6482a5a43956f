import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { announceCredentials, createAdministrator } from './auth/first-admin.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { APP_CONFIG, type AppConfig } from './config.js';
import { EVENT_STORE, type EventStore } from './core/event-store/event-store.js';
import { CLOCK, type Clock } from './core/time/clock.js';
import { seedDemoCounty } from './demo/demo-county.js';

/** Password of every demo account (instructor-001…108, staff, auditor, secretary-qiaoshan). */
export const DEMO_PASSWORD = 'Demo-2026';

/**
 * On the first start of an empty store: create the administrator `admin` (its generated password
 * printed once, or INITIAL_ADMIN_PASSWORD), then load the demo county when SEED_DEMO is on.
 * "Empty" is judged from the store itself, so a lagging read model can never cause a second run.
 */
export const firstStart = async (app: INestApplication): Promise<void> => {
  const store = app.get<EventStore>(EVENT_STORE);
  const clock = app.get<Clock>(CLOCK);
  const config = app.get<AppConfig>(APP_CONFIG);
  if ((await store.headPosition()) > 0n) return;
  const password = config.auth.initialAdminPassword ?? generatePassword();
  await createAdministrator(store, clock, 'admin', password);
  if (config.seedDemo) {
    const logger = new Logger('Demo');
    const started = Date.now();
    const summary = await seedDemoCounty(store, clock, await hashPassword(DEMO_PASSWORD));
    const { events, ...made } = summary;
    logger.log(
      `Demo county loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${Object.entries(made)
          .map(([what, n]) => `${n} ${what}`)
          .join(', ')} (${events} events). ` +
        `Demo accounts staff / auditor / secretary-qiaoshan / instructor-001…108, password ${DEMO_PASSWORD}`,
    );
  }
  // A password the operator chose needs no box in the log; a generated one is shown this once.
  if (config.auth.initialAdminPassword)
    new Logger('Auth').log('Administrator "admin" created with INITIAL_ADMIN_PASSWORD');
  else announceCredentials('admin', password, true);
};
