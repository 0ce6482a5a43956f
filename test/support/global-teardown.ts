import { rmSync } from 'node:fs';

/** Removes the run's seeded demo counties (made by the global set-up in test/support/chromium.ts). */
export default async function globalTeardown(): Promise<void> {
  const templates = process.env.PARTY_LEDGER_DEMO_TEMPLATES;
  if (templates) rmSync(templates, { recursive: true, force: true });
}
