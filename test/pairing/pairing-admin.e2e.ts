import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { addDays, shanghaiDate } from '../../src/core/time/local-date.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import {
  ARTIFACTS,
  ensureAdminBuilt,
  eventually,
  launchBrowser,
  openDialog,
  signInAs,
  UI_WAIT,
} from '../admin/browser.js';

const encodeFilter = (filter: object) => encodeURIComponent(JSON.stringify(filter));

/**
 * Pairing communities in a real browser, on the demo county: the bureau sees the four pairs of seed 004 with
 * their progress; 桥山中学's secretary logs a 帮教 training naming a teacher on a pairing of its own and sees
 * the teachers' bar move, and is shown the server's refusal of a student named by an identity number.
 */
describe('pairing screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let pairingId: string;
  let teacherName: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const unit = async (name: string) =>
      (await t.request('GET', `/units?filter=${encodeFilter({ q: name })}`)).body.find(
        (u: { name: string }) => u.name === name,
      ).id as string;
    const helper = await unit('桥山中学');
    // A second, new pairing of 桥山中学, a hundred days old: its teachers' bar starts at 0 of 3.
    const formed = await t.request('POST', '/pairings', {
      helperUnitId: helper,
      helpedUnitIds: [await unit('尧山育才学校')],
      startOn: addDays(shanghaiDate(new Date()), -100),
    });
    expect(formed.status).toBe(201);
    pairingId = formed.body.id;
    const members = await t.request('GET', `/members?filter=${encodeFilter({ unitId: helper, status: 'active' })}`);
    teacherName = members.body[0].name;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the bureau sees the four pairing communities of seed 004 with their progress', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'staff', DEMO_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '帮扶共同体' }).click();
      for (const name of ['桥山中学→兴华学校', '城南学校→雏鹰学校', '东槐院小学→梦圆学校', '桥陵镇中心小学→丰阳学校'])
        await page.getByText(name, { exact: true }).waitFor({ timeout: UI_WAIT });
      await expect(page.getByText('落后于进度').count()).resolves.toBeGreaterThan(0);
      await page.screenshot({ path: join(ARTIFACTS, 'pairing-list.png') });
      await page.getByText('桥山中学→兴华学校', { exact: true }).click();
      await page.getByTestId('progress-teachers').waitFor({ timeout: UI_WAIT });
      expect(await page.getByTestId('progress-teachers-count').innerText()).toMatch(/^4\/3 · 已达标/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('the helper school’s secretary logs a training and sees the bar move; an ID-number student is refused', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    try {
      await page.goto(`${base}/#/pairings/${pairingId}/show`);
      const count = page.getByTestId('progress-teachers-count');
      await count.waitFor({ timeout: UI_WAIT });
      expect(await count.innerText()).toMatch(/^0\/3/);

      await page.getByRole('button', { name: '记录帮教' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('类型').click();
      await page.getByRole('option', { name: '骨干教师培训' }).click();
      await dialog.getByLabel('主题').fill('课堂教学培训');
      await dialog.getByLabel('受训骨干教师（每行一人）').fill('刘晓燕');
      await dialog.getByRole('button', { name: '记录帮教' }).click();
      await eventually('the teachers’ bar shows one of three', async () => /^1\/3/.test(await count.innerText()));
      await page.getByTestId('pairing-log').getByText('刘晓燕', { exact: false }).waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'pairing-logged.png') });

      const pairDialog = await openDialog(page, page.getByRole('button', { name: '结成一对一帮扶对子' }), (d) =>
        d.getByLabel('帮扶党员教师'),
      );
      await pairDialog.getByLabel('帮扶党员教师').fill(teacherName);
      await page.getByRole('option', { name: teacherName }).first().click();
      await pairDialog.getByLabel('学生（化名或姓名首字母）').fill('610526200801011234');
      await pairDialog.getByLabel('学生情况').click();
      await page.getByRole('option', { name: '留守儿童' }).click();
      await pairDialog.getByRole('button', { name: '结成一对一帮扶对子' }).click();
      // Under its field, and in the notification.
      await pairDialog.getByText('学生只能以化名或姓名首字母登记', { exact: false }).waitFor({ timeout: UI_WAIT });
      await expect(pairDialog.isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'pairing-refused.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
