import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, Debian's `/usr/bin/chromium` where
 * it is installed, otherwise the one that arrives with `npm install` inside `@sparticuz/chromium`
 * (unpacked to the temporary folder on first use), so `npm test` needs nothing installed by hand.
 * Jest's globalSetup (this file's default export) resolves it once, before the workers start, so
 * two workers never unpack it at the same time. (No relative imports here: jest loads globalSetup
 * without the module mapper.)
 */
export const chromiumExecutable = async (): Promise<string> => {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  const { default: bundled } = await import('@sparticuz/chromium');
  return bundled.executablePath();
};

/**
 * Jest's global set-up (the workers inherit what it puts in process.env): Chromium, and the folder where
 * this run seeds the demo county once for every test that starts from it (src/core/testing/demo-app.ts;
 * removed by test/support/global-teardown.ts).
 */
export default async function globalSetup(): Promise<void> {
  process.env.CHROMIUM_PATH = await chromiumExecutable();
  process.env.PARTY_LEDGER_DEMO_TEMPLATES = mkdtempSync(join(tmpdir(), 'party-ledger-demo-templates-'));
}
