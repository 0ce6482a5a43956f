import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { addDays, addYears, shanghaiDate } from '../../src/core/time/local-date.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, signInAs, UI_WAIT } from '../admin/browser.js';
import { seedSchoolBranch } from '../support/roster.js';
import { eventually } from './peers.js';

const PASSWORD = 'browser-pass-2026';

/**
 * The reminders' screens in Chromium, each role's main flow: the secretary sees the unread badge, opens the
 * inbox, reads and snoozes the reminder with a reason, and chooses email; the bureau staff sees the snooze's
 * reason in the log and the unit's traffic light; the administrator adds a robot, changes the offsets and
 * opens the job queues (bull-board) from the menu.
 */
describe('reminder screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    // The real clock: the admin checks its token's expiry against the browser's time.
    t = await startTestApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    const { unit, branch } = await seedSchoolBranch(post);
    for (const [username, displayName, role, scope] of [
      ['zhao-secretary', '赵书记', 'secretary', { orgIds: [branch], unitIds: [unit] }],
      ['li-staff', '李干事', 'bureau_staff', {}],
      ['wang-admin', '王主任', 'bureau_admin', {}],
    ] as const)
      await post('/users', { username, displayName, password: PASSWORD, role, ...scope });
    // The committee's term ends today; reminders go out from midnight, whenever the test runs.
    const termStart = addYears(addDays(shanghaiDate(new Date()), 1), -3);
    await post(`/party-organizations/${branch}/elect-committee`, { termStart, termYears: 3 });
    const settings = { offsets: [-7, -1, 0, 1], escalateAfterWorkingDays: 3, sendHour: 0, digestHour: 17 };
    expect((await t.request('PUT', '/reminder-settings', settings)).status).toBe(200);
    expect((await t.request('POST', '/reminders/scan')).status).toBe(201);
    await eventually(
      async () => (await t.request('GET', '/reminders')).body.length === 1,
      'the reminder to the secretary',
    );
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the secretary sees the badge, reads and snoozes the reminder, and chooses email', async () => {
    const snoozeUntil = addDays(shanghaiDate(new Date()), 2);
    const { context, page, problems } = await signInAs(browser, base, 'zhao-secretary', PASSWORD);
    try {
      const badge = page.getByTestId('unread-badge');
      await badge.waitFor({ timeout: UI_WAIT });
      await expect(badge.innerText()).resolves.toContain('1');
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-secretary-badge.png') });
      await page.getByRole('link', { name: '未读提醒' }).click();
      await page.getByText('党组织委员会任期届满，按期换届选举').waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '标为已读' }).click();
      await page.getByText('已读', { exact: true }).waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '暂缓' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('暂缓至').fill(snoozeUntil);
      await dialog.getByLabel('原因（局党委办可见）').fill('周三召开党员大会换届');
      await dialog.getByRole('button', { name: '暂缓' }).click();
      await page.getByText(snoozeUntil).waitFor({ timeout: UI_WAIT });
      // Read, then snoozed: nothing unread is left, and the badge says so at once.
      await page
        .getByTestId('unread-badge')
        .locator('.MuiBadge-invisible')
        .waitFor({ state: 'attached', timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-secretary-inbox.png') });

      await page.getByRole('link', { name: '提醒渠道' }).click();
      await page.getByLabel('电子邮件', { exact: true }).check();
      await page.getByLabel('电子邮件地址').fill('zhao@qiaoshan.edu.cn');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已完成').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-secretary-channels.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    const chosen = (await t.request('GET', '/reminders')).body[0];
    expect(chosen).toMatchObject({ status: 'snoozed', snoozeReason: '周三召开党员大会换届' });
  }, 180_000);

  test('the bureau staff sees the snooze reason in the log and the unit amber in the overview', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'li-staff', PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '提醒记录' }).click();
      await page.getByText('周三召开党员大会换届').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-staff-log.png') });
      await page.locator('.RaMenuItemLink-root', { hasText: '督办总览' }).click();
      const row = page.locator('tr[data-light]', { hasText: '桥山中学' });
      await row.waitFor({ timeout: UI_WAIT });
      await expect(row.getAttribute('data-light')).resolves.toBe('amber');
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-staff-overview.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  test('the administrator adds a robot, sets the offsets and opens the job queues from the menu', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'wang-admin', PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '群机器人' }).click();
      await page.getByRole('link', { name: '新建' }).click();
      await page.getByLabel('名称').fill('局党委办钉钉群');
      await page.getByLabel('类型').click();
      await page.getByRole('option', { name: '钉钉群机器人' }).click();
      await page.getByLabel('Webhook 地址').fill('https://oapi.dingtalk.com/robot/send?access_token=demo');
      await page.getByLabel('加签密钥').fill('SECdemo0123456789');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('局党委办钉钉群').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-admin-robots.png') });

      await page.goto(`${base}/#/reminder-robots/settings`);
      const offsets = page.getByLabel(/提醒时点/);
      await offsets.waitFor({ timeout: UI_WAIT });
      await offsets.fill('-5, -1, 0, 2');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已完成').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-admin-settings.png') });
      expect((await t.request('GET', '/reminder-settings')).body.offsets).toEqual([-5, -1, 0, 2]);

      await page.locator('.RaMenuItemLink-root', { hasText: '任务队列' }).click();
      await page.waitForURL(/\/admin\/queues/, { timeout: UI_WAIT });
      await page.getByText('party-ledger-reminders').first().waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'reminders-admin-queues.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
