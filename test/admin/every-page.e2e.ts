import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, signInAs, UI_WAIT } from './browser.js';

/**
 * Every page of the menu, as every role of the demo county sees it, in Chromium: each opens without a server
 * error (no answer of 500 or more to any request the page makes), without a page error, and without an
 * error alert; every list's first record opens too. A feature that breaks one of its screens for one role
 * shows here even when its own browser test walks another role.
 */
const ROLES: [string, string][] = [
  ['admin', ADMIN_PASSWORD],
  ['staff', DEMO_PASSWORD],
  ['secretary-qiaoshan', DEMO_PASSWORD],
  ['instructor-001', DEMO_PASSWORD],
  ['auditor', DEMO_PASSWORD],
];

describe('every page of the menu, as every role (Chromium, demo county)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test.each(ROLES)(
    '%s: every menu page and its first record open without an error',
    async (username, password) => {
      const { context, page, problems } = await signInAs(browser, base, username, password);
      const failures: string[] = [];
      // The admin navigates by the URL's hash, so the page's load state says nothing: count its requests instead.
      let inFlight = 0;
      page.on('request', () => (inFlight += 1));
      page.on('requestfinished', () => (inFlight -= 1));
      page.on('requestfailed', () => (inFlight -= 1));
      const settled = async () => {
        let quiet = 0;
        const deadline = Date.now() + UI_WAIT;
        while (quiet < 4 && Date.now() < deadline) {
          await page.waitForTimeout(100);
          const loading = await page.locator('[role="progressbar"]:not([aria-valuenow]):visible').count();
          quiet = inFlight === 0 && loading === 0 ? quiet + 1 : 0;
        }
      };
      page.on('response', (response) => {
        if (response.status() >= 500)
          failures.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
      try {
        const links = page.locator('.RaMenuItemLink-root');
        const entries = await Promise.all(
          (await links.all()).map(async (link) => ({
            label: (await link.innerText()).trim(),
            href: (await link.getAttribute('href')) ?? '',
          })),
        );
        expect(entries.length).toBeGreaterThan(3);
        for (const { label, href } of entries) {
          await page.goto(`${base}/${href}`);
          await settled();
          const alerts = await page.locator('.MuiAlert-standardError, .MuiAlert-filledError').allInnerTexts();
          if (alerts.length) failures.push(`${label}: error shown: ${alerts.join(' | ')}`);
          const firstRow = page.locator('.RaDataTable-root tbody tr.RaDataTable-clickableRow:visible').first();
          if ((await firstRow.count()) > 0) {
            await firstRow.click();
            await settled();
            const recordAlerts = await page.locator('.MuiAlert-standardError, .MuiAlert-filledError').allInnerTexts();
            if (recordAlerts.length) failures.push(`${label}, first record: error shown: ${recordAlerts.join(' | ')}`);
          }
        }
        await page.screenshot({ path: join(ARTIFACTS, `every-page-${username}.png`), fullPage: true });
        expect({ failures, problems }).toEqual({ failures: [], problems: [] });
      } finally {
        await context.close();
      }
    },
    240_000,
  );
});
