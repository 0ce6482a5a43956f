import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, signInAs } from './browser.js';

/**
 * Issue 9, "the admin as its users saw it", walked in Chromium with the demo county as each role:
 * tiles that open the list they count, names in pinyin order, a transfer offering only the units the
 * organisation covers, no affiliation offered to a school with its own branch, the parent organisation
 * named on a secretary's page, overdue probationers marked, no English and no rule codes on screen.
 */
const encodeFilter = (filter: object) => encodeURIComponent(JSON.stringify(filter));
const pinyin = new Intl.Collator('zh-CN').compare;

describe('the admin as its users saw it (Chromium, demo county)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const ids: Record<string, string> = {};
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `issue9-${name}.png`), fullPage: true });
  const firstId = async (path: string, filter: object) =>
    ((await t.request('GET', `${path}?filter=${encodeFilter(filter)}&range=[0,0]`)).body[0] as { id: string }).id;
  const rows = async (page: Page) => {
    await page.locator('.RaDataTable-root tbody tr').first().waitFor();
    return page.locator('.RaDataTable-root tbody tr').allInnerTexts();
  };

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    ids.qiaoshanUnit = await firstId('/units', { q: '桥山中学' });
    ids.qiaoshanOrg = await firstId('/party-organizations', { q: '桥山中学党总支' });
    ids.hostedUnit = await firstId('/units', { type: 'private_kindergarten', needsOwnOrganization: false });
    ids.member = await firstId('/members', { orgId: await firstId('/party-organizations', { q: '城南学校' }) });
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('bureau administrator: the red B15 tile is a link to the committees it counts, in pinyin order', async () => {
    const { context, page } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    const tile = page.locator('[data-tile="committee-terms-due"]');
    const count = Number(await tile.locator('p.MuiTypography-h4').innerText());
    expect(count).toBeGreaterThan(0);
    expect(await tile.locator('a').getAttribute('href')).toMatch(/#\/party-organizations\?filter=.*termEndsBy/);
    const dashboard = await page.locator('main').innerText();
    expect(dashboard).not.toMatch(/\b[AB]\d{1,2}\b/); // rule codes only in tooltips
    await shot(page, 'admin-dashboard');
    await tile.locator('a').click();
    await page.waitForURL(/party-organizations\?filter=/);
    await page.getByText(`共 ${count} 条`).waitFor();
    const names = (await rows(page)).map((row) => row.split('\t')[0].trim());
    expect(names).toEqual([...names].sort(pinyin));
    await shot(page, 'admin-b15-list');

    // The whole list (react-admin would otherwise restore the filter the tile set).
    await page.goto(`${base}/#/party-organizations?filter=${encodeFilter({})}`);
    await page.getByText('共 46 条').waitFor();
    const all = (await rows(page)).map((row) => row.split('\t')[0].trim());
    expect(all).toEqual([...all].sort(pinyin));
    expect(all[1]).not.toBe('中共蒲城县教育局委员会'); // where code-point order put it
    expect(await page.locator('nav[aria-label="分页导航"]').count()).toBe(1);
    expect(await page.locator('nav[aria-label="pagination navigation"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出 Excel' }).innerText()).toBe('导出 Excel'); // not 导出 EXCEL
    await shot(page, 'admin-party-organizations');

    await page.goto(`${base}/#`);
    await page.locator('[data-tile="members-conversion-overdue"] a').click();
    await page.locator('[data-overdue="conversion"]').first().waitFor();
    expect(await page.locator('[data-overdue="conversion"]').first().innerText()).toMatch(
      /^逾期未转正（应于 \d{4}-\d{2}-\d{2} 转正）$/,
    );
    await shot(page, 'admin-overdue-probationers');
    await context.close();
  });

  test('bureau administrator: a transfer offers only the units the chosen organisation covers', async () => {
    const { context, page } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${base}/#/members/${ids.member}/show`);
    await page.getByRole('button', { name: '转接组织关系' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '转入党组织' }).fill('桥山中学党总支');
    await page.getByRole('option', { name: '桥山中学党总支' }).click();
    await dialog.getByRole('combobox', { name: '转入单位' }).click();
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['桥山中学']);
    await shot(page, 'admin-transfer-dialog');
    await context.close();
  });

  test('bureau administrator: no affiliation for a school with its own branch; the hosted unit hears its count', async () => {
    const { context, page } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    await page.goto(`${base}/#/units/${ids.qiaoshanUnit}/show`);
    await page.getByText('桥山中学党总支', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: '挂靠党组织', exact: true }).count()).toBe(0);
    expect(await page.getByText('版本').count()).toBe(0);
    await shot(page, 'admin-qiaoshan-unit');
    await page.goto(`${base}/#/units/${ids.hostedUnit}/show`);
    await page.getByRole('button', { name: '挂靠党组织', exact: true }).click();
    expect(await page.getByRole('dialog').innerText()).toMatch(/有 [012] 名正式党员（不足 3 名）/);
    await shot(page, 'admin-affiliate-dialog');
    await context.close();
  });

  test('secretary: its own organisation names its parent; its cases and board are not empty', async () => {
    const { context, page } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    await page.goto(`${base}/#/party-organizations/${ids.qiaoshanOrg}/show`);
    await page.getByText('中共蒲城县教育局委员会').waitFor();
    expect(await page.getByText('版本').count()).toBe(0);
    await shot(page, 'secretary-own-organisation');
    await page.goto(`${base}/#/development`);
    expect((await rows(page)).length).toBeGreaterThan(3);
    await shot(page, 'secretary-development');
    await page.goto(`${base}/#/development/pipeline`);
    await page.getByRole('cell', { name: '桥山中学党总支' }).waitFor();
    await shot(page, 'secretary-pipeline');
    await context.close();
  });
});
