import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { addMonths, shanghaiDate } from '../../src/core/time/local-date.js';
import { ARTIFACTS, ensureAdminBuilt, eventually, launchBrowser, openDialog, signInAs, UI_WAIT } from './browser.js';

/**
 * The instructor calendar in a real browser: an instructor signs in, logs a visit and sees this month
 * turn green; a unit they are not dispatched to is refused with the rule in words; the bureau sees every
 * instructor with their missed months and opens one.
 */
describe('instructor calendar in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  // The browser's form defaults to today: the server runs on the real clock too.
  const today = shanghaiDate(new Date());
  const month = today.slice(0, 7);

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([path, response.status, response.body]).toEqual([path, 201, expect.anything()]);
      return response.body.id as string;
    };
    const xinghua = await post('/units', { name: '兴华学校', type: 'private_school' });
    const chuying = await post('/units', { name: '雏鹰学校', type: 'private_school' });
    // An affiliated organisation hosting a kindergarten since last year, and its secretary (C6).
    const kindergarten = await post('/units', { name: '梦圆幼儿园', type: 'private_kindergarten' });
    const bureau = await post('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    const host = await post('/party-organizations', {
      name: '教育局第一挂靠党支部',
      kind: 'affiliated_party_org',
      parentId: bureau,
      foundedOn: '2019-09-10',
    });
    expect(
      (await t.request('POST', `/units/${kindergarten}/affiliation`, { hostOrgId: host, on: addMonths(today, -13) }))
        .status,
    ).toBe(201);
    await post('/users', {
      username: 'shuji-zhou',
      displayName: '周书记',
      password: USER_PASSWORD,
      role: 'secretary',
      orgIds: [host],
    });
    await post('/users', {
      username: 'zhidao-sun',
      displayName: '孙指导员',
      password: USER_PASSWORD,
      role: 'instructor',
      unitIds: [xinghua, chuying],
    });
    // Dispatched to 兴华学校 only, from three months ago: those months went without a visit.
    await post('/instructors/dispatches', {
      instructorId: 'zhidao-sun',
      unitId: xinghua,
      startOn: addMonths(`${month}-01`, -3),
    });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const cell = (page: Page, unit: string, of = month) => page.locator(`td[data-month="${of}"][aria-label^="${unit} "]`);

  const logVisit = async (page: Page, unit: string) => {
    const unitField = (dialog: Locator) => dialog.getByRole('combobox', { name: '单位' });
    const dialog = await openDialog(page, page.getByRole('button', { name: '记录到单位指导' }), unitField);
    await unitField(dialog).fill(unit.slice(0, 2));
    await page.getByRole('option', { name: unit }).click();
    await dialog.getByRole('button', { name: '记录到单位指导' }).click();
  };

  test('an instructor logs a visit and sees the month turn green; a unit not dispatched to is refused', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'zhidao-sun', USER_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '指导员日历' }).click();
      await cell(page, '兴华学校').waitFor({ timeout: UI_WAIT });
      expect(await cell(page, '兴华学校').getAttribute('data-status')).toBe('due');
      expect(await cell(page, '兴华学校', addMonths(`${month}-01`, -1).slice(0, 7)).getAttribute('data-status')).toBe(
        'missed',
      );

      await logVisit(page, '兴华学校');
      await page.getByText('已记录到单位指导').first().waitFor({ timeout: UI_WAIT });
      await eventually(
        'the month turns green',
        async () => (await cell(page, '兴华学校').getAttribute('data-status')) === 'visited',
      );
      expect((await cell(page, '兴华学校').innerText()).trim()).toBe('1');
      await page.screenshot({ path: join(ARTIFACTS, 'instructors-calendar-instructor.png'), fullPage: true });

      await logVisit(page, '雏鹰学校');
      await page.getByText('该指导员未派驻到此单位').first().waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'instructors-not-dispatched.png'), fullPage: true });
      const visits = await t.request('GET', '/instructors/visits');
      expect(visits.body.map((v: { unitName: string }) => v.unitName)).toEqual(['兴华学校']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('an affiliated organisation’s secretary confirms this month and sees it turn green', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'shuji-zhou', USER_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '挂靠组织月度确认' }).click();
      const current = page.locator(`td[data-month="${month}"]`);
      await current.waitFor({ timeout: UI_WAIT });
      expect(await current.getAttribute('data-status')).toBe('due');
      await page.getByRole('button', { name: '确认本月' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认本月' }).click();
      await eventually(
        'the month turns green',
        async () => (await current.getAttribute('data-status')) === 'confirmed',
      );
      await page.screenshot({ path: join(ARTIFACTS, 'instructors-confirmations.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('the bureau sees every instructor with their missed months and opens one', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '指导员日历' }).click();
      const overview = page.getByRole('table', { name: '全部指导员（按未到月数排序）' });
      const row = overview.locator('tbody tr', { hasText: '孙指导员' });
      await row.waitFor({ timeout: UI_WAIT });
      // Three whole months dispatched without a visit; this month visited.
      expect((await row.locator('td').allInnerTexts()).map((text) => text.trim())).toEqual([
        '孙指导员',
        '1',
        '1',
        '3',
        '0',
      ]);
      await row.getByRole('button', { name: '孙指导员' }).click();
      await eventually('the calendar opens', async () => (await cell(page, '兴华学校').count()) > 0);
      expect(await cell(page, '兴华学校').getAttribute('data-status')).toBe('visited');
      await page.screenshot({ path: join(ARTIFACTS, 'instructors-calendar-bureau.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
