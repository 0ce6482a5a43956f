import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, eventually, launchBrowser, signInAs, UI_WAIT } from './browser.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const encodeFilter = (filter: object) => encodeURIComponent(JSON.stringify(filter));

/**
 * The auditor's main page, the activity log, in a real browser on the demo county: a line says who did
 * it (display name and role), what (the event in words, its data under labels), about whom and in which
 * unit (names linking to their pages) and when; no raw id; the business date filter narrows the list.
 * The dashboard's recent activity says the same. And in English when the admin is switched to it.
 */
describe('activity log in Chromium (e2e, demo county)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let unitName: string;
  let orgName: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const orgs = await t.request('GET', `/party-organizations?filter=${encodeFilter({ q: '桥山中学党总支' })}`);
    const org = orgs.body[0] as { id: string; name: string; unitIds: string[] };
    orgName = org.name;
    unitName = (await t.request('GET', `/units/${org.unitIds[0]}`)).body.name;
    // The reminders fire at start for what is already due (reminders sent, escalations): let them settle, so
    // that the application below is the newest line of the log.
    const total = async () => Number((await t.request('GET', '/activity')).headers.get('content-range')?.split('/')[1]);
    for (let last = -1, now = await total(); now !== last; last = now, now = await total())
      await new Promise((resolve) => setTimeout(resolve, 1500));
    const staff = await t.request('POST', '/users', {
      username: 'staff-wang',
      displayName: '王文书',
      password: USER_PASSWORD,
      role: 'bureau_staff',
    });
    expect(staff.status).toBe(201);
    const token = await t.login('staff-wang', USER_PASSWORD);
    const applied = await t.requestAs(token, 'POST', '/development/cases', {
      name: '周小燕',
      gender: 'female',
      birthDate: '1995-05-06',
      orgId: org.id,
      unitId: org.unitIds[0],
      on: '2024-05-06',
    });
    expect(applied.status).toBe(201);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rows = (page: Page) => page.locator('.RaDataTable-tbody tr');
  const setDate = async (page: Page, source: string, value: string) => {
    await page.locator(`input[name="${source}"]`).fill(value);
    await page.waitForTimeout(800); // the list refetches once the filter settles
  };

  test('the auditor reads who did what about whom, in which unit and when; the date filter narrows', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'auditor', DEMO_PASSWORD);
    try {
      // The dashboard's recent activity: the newest line in words, no raw id.
      const recent = page.getByTestId('recent-activity').first();
      // The recent lines load after the tiles: wait for the newest one rather than read a loading list.
      await recent.filter({ hasText: '递交入党申请书' }).waitFor({ timeout: UI_WAIT });
      const newest = await recent.innerText();
      for (const words of ['递交入党申请书', '周小燕', '王文书', '局党委办工作人员', unitName])
        expect(newest).toContain(words);
      expect(newest).not.toMatch(UUID);
      await page.screenshot({ path: join(ARTIFACTS, 'activity-dashboard.png'), fullPage: true });

      await page.goto(`${base}/#/activity`);
      await rows(page).first().waitFor({ timeout: UI_WAIT });
      const unfiltered = await rows(page).allInnerTexts();
      expect(unfiltered.length).toBeGreaterThan(1);
      expect(unfiltered.some((row) => !row.includes('2024-05-06'))).toBe(true); // the county's whole history
      for (const row of unfiltered) expect(row).not.toMatch(UUID);
      await page.screenshot({ path: join(ARTIFACTS, 'activity-list.png'), fullPage: true });

      await setDate(page, 'from', '2024-05-06');
      await setDate(page, 'to', '2024-05-06');
      const line = rows(page).filter({ hasText: '周小燕' });
      await line.waitFor({ timeout: UI_WAIT });
      const text = await line.innerText();
      for (const words of [
        '2024-05-06',
        '王文书',
        '局党委办工作人员',
        '递交入党申请书',
        '性别：女',
        `党组织：${orgName}`,
        `单位：${unitName}`,
      ])
        expect(text).toContain(words);
      expect(text).not.toMatch(UUID);
      // Narrowed: only lines that happened on that day (once the list has refetched with both bounds).
      await eventually('every line is of 2024-05-06', async () =>
        (await rows(page).allInnerTexts()).every((row) => row.includes('2024-05-06')),
      );
      // The unit's name opens the unit.
      await expect(line.getByRole('link', { name: unitName }).first().getAttribute('href')).resolves.toMatch(
        /#\/units\/.+\/show$/,
      );
      await page.screenshot({ path: join(ARTIFACTS, 'activity-auditor.png'), fullPage: true });

      // A day before: the line is gone.
      await setDate(page, 'to', '2024-05-05');
      await eventually(
        'the line of the 6th is gone',
        async () => (await rows(page).filter({ hasText: '周小燕' }).count()) === 0,
      );

      // In English.
      await setDate(page, 'to', '2024-05-06');
      await page.locator('button', { hasText: '中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const english = rows(page).filter({ hasText: '周小燕' });
      await english.getByText('Application submitted').waitFor();
      const inEnglish = await english.innerText();
      for (const words of ['王文书', 'Bureau staff', 'Gender: Female', `Unit: ${unitName}`])
        expect(inEnglish).toContain(words);
      await page.screenshot({ path: join(ARTIFACTS, 'activity-auditor-en.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('one event in full: its data one field a line, both dates', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'auditor', DEMO_PASSWORD);
    try {
      const [event] = (
        await t.request(
          'GET',
          `/activity?filter=${encodeFilter({ type: 'ApplicationSubmitted', from: '2024-05-06', to: '2024-05-06' })}`,
        )
      ).body as { id: string }[];
      await page.goto(`${base}/#/activity/${event.id}/show`);
      const data = page.getByTestId('activity-data');
      await data.waitFor({ timeout: UI_WAIT });
      const text = await data.innerText();
      for (const words of ['姓名', '周小燕', '出生日期', '1995-05-06', '党组织', orgName])
        expect(text).toContain(words);
      expect(text).not.toMatch(UUID);
      await page.screenshot({ path: join(ARTIFACTS, 'activity-event.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
