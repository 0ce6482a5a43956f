import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ManualClock, type Clock } from '../time/clock.js';
import { shanghaiDate } from '../time/local-date.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * Where this test run keeps its seeded demo counties: jest's global set-up makes one folder per run
 * (test/support/global-setup.ts) and removes it at the end; outside jest every process seeds its own.
 */
const templatesRoot = (): string => {
  const root = process.env.PARTY_LEDGER_DEMO_TEMPLATES ?? join(tmpdir(), `party-ledger-demo-${process.pid}`);
  mkdirSync(root, { recursive: true });
  return root;
};

/**
 * The run's one audit key for its demo counties: a copy's log is chained with the key that sealed the
 * seeded one, so every copy must use that key, or its log would not verify (src/core/integrity).
 */
const auditKeyEnv = () => ({ AUDIT_KEY_FILE: join(templatesRoot(), 'keys', 'audit-ed25519.pem') });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface DemoOptions {
  /** A test's clock: the county is seeded at its instant. Without one, the real clock's day (Asia/Shanghai). */
  clock?: Clock;
  env?: Record<string, string>;
}

/**
 * The demo county's data folder for these options, seeded once per test run: the first worker to ask
 * seeds it through the app's own first start (a lock folder keeps the other worker waiting), closes the
 * app so its SQLite files are whole, and renames the folder into place. The same instant (or, on the real
 * clock, the same day) and the same settings give the same county.
 */
const demoTemplate = async ({ clock, env = {} }: DemoOptions): Promise<string> => {
  const when = clock ? clock.now().toISOString() : shanghaiDate(new Date());
  const settings = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  const key = createHash('sha256').update(`${when}\n${settings}`).digest('hex').slice(0, 16);
  const ready = join(templatesRoot(), key);
  if (existsSync(ready)) return ready;
  const failed = `${ready}.failed`;
  try {
    mkdirSync(`${ready}.lock`);
  } catch {
    // Another worker is seeding it: wait for its folder (seeding takes seconds; a busy machine, minutes).
    for (let waited = 0; waited < 15 * 60_000; waited += 250) {
      if (existsSync(ready)) return ready;
      if (existsSync(failed)) throw new Error(`seeding the demo county failed in another worker (${failed})`);
      await sleep(250);
    }
    throw new Error(`timed out waiting for the demo county at ${ready}`);
  }
  const building = `${ready}.building`;
  try {
    mkdirSync(building);
    const seeding = await startTestApp({
      dataDir: building,
      env: { ...env, ...auditKeyEnv(), SEED_DEMO: 'true' },
      ...(clock ? { clock: new ManualClock(clock.now()) } : {}),
    });
    await seeding.close();
    renameSync(building, ready);
    return ready;
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
};

/**
 * The app started on a copy of the demo county (SEED_DEMO as at first start) at the clock's instant. Its
 * event log and evidence files are copied from the run's one seeded county; the read models are not: they
 * are rebuilt from the log at start, and the policies replay it into this app's own queue, exactly as after
 * a restart, so nothing of the seeding app's Redis queue is needed. Seeding the county once instead of once
 * per test file saves most of each demo test's set-up.
 */
export const startDemoApp = async (options: DemoOptions = {}): Promise<TestApp> => {
  const template = await demoTemplate(options);
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-e2e-demo-'));
  cpSync(template, dataDir, { recursive: true, filter: (path) => !basename(path).startsWith('read-models.sqlite') });
  const env = { ...options.env, ...auditKeyEnv() };
  const app = await startTestApp({ ...options, env, dataDir }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
