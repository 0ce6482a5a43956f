import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ROLES, type Role } from '../../src/core/roles.js';

import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ARTIFACTS, ensureAdminBuilt, expectMenu, launchBrowser, signInAs, UI_WAIT } from './browser.js';
import { can, ENGLISH, expectedMenu } from './menus.js';

/**
 * The admin in a real browser against the real app: each role signs in through the login page and
 * sees in the menu exactly what the role matrix lets it list; the administrator registers a unit
 * through the form, exports the list, and switches the UI to English.
 */
const PASSWORD = 'browser-pass-2026';

const accounts: Record<Role, { username: string; displayName: string }> = {
  bureau_admin: { username: 'wang-admin', displayName: '王主任' },
  bureau_staff: { username: 'li-staff', displayName: '李干事' },
  secretary: { username: 'zhao-secretary', displayName: '赵书记' },
  instructor: { username: 'sun-instructor', displayName: '孙指导员' },
  auditor: { username: 'qian-auditor', displayName: '钱审计' },
};

describe('admin UI in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let instructorUnitId: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    // The server creates `admin` with INITIAL_ADMIN_PASSWORD on the first start of an empty store.
    t = await startTestApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const unit = await t.request('POST', '/units', {
      name: '城关第一小学',
      type: 'public_school',
      district: '城关片区',
    });
    expect(unit.status).toBe(201);
    instructorUnitId = unit.body.id;
    for (const role of ROLES) {
      const scope =
        role === 'secretary'
          ? { orgIds: ['org-chengguan'] }
          : role === 'instructor'
            ? { unitIds: [instructorUnitId] }
            : {};
      const created = await t.request('POST', '/users', { ...accounts[role], password: PASSWORD, role, ...scope });
      expect(created.status).toBe(201);
    }
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser context per role: its own localStorage, so no session or locale leaks between roles. */
  const signIn = async (role: Role): Promise<{ context: BrowserContext; page: Page }> =>
    signInAs(browser, base, accounts[role].username, PASSWORD);

  test('the menus follow the role matrix (bureau_admin: roster, users, activity, assessment; secretary: roster, assessment)', () => {
    expect(expectedMenu('bureau_admin')).toEqual([
      '单位',
      '党组织',
      '党员',
      '发展党员',
      '帮扶共同体',
      '组织生活',
      '典型案例',
      '印证资料',
      '职务',
      '用户',
      '动态',
      '审计回溯',
      '审计查阅记录',
      '指导员日历',
      '指导员派驻',
      '挂靠组织月度确认',
      '考核排名',
      '考核细则',
      '纪律处分案件',
      '资格查询',
      '“两优一先”评选',
      '通报批评',
      '待阅通报',
      '我的提醒',
      '督办总览',
      '提醒记录',
      '消息发送',
      '群机器人',
      '任务队列',
    ]);
    expect(expectedMenu('secretary')).toEqual([
      '单位',
      '党组织',
      '党员',
      '发展党员',
      '帮扶共同体',
      '组织生活',
      '典型案例',
      '印证资料',
      '职务',
      '挂靠组织月度确认',
      '考核排名',
      '考核细则',
      '资格查询',
      '“两优一先”评选',
      '通报批评',
      '待阅通报',
      '我的提醒',
    ]);
  });

  test.each(ROLES.filter((role) => role !== 'bureau_admin'))(
    '%s signs in and sees only its menu, in Chinese',
    async (role) => {
      const { context, page } = await signIn(role);
      try {
        await expectMenu(page, expectedMenu(role));
        await expect(page.getByText(accounts[role].displayName).first().isVisible()).resolves.toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `admin-${role}.png`) });
        if (!can([role], 'users', 'list')) {
          // Typing the address does not get around the menu: the page itself refuses.
          await page.goto(`${base}/#/users`);
          await page.getByText('无权访问').first().waitFor({ timeout: UI_WAIT });
        }
        if (role === 'secretary') {
          // A unit outside the secretary's organisations: the server's 403 message shows, the session stays.
          const token = await t.login(accounts.secretary.username, PASSWORD);
          const refused = await t.requestAs(token, 'GET', `/units/${instructorUnitId}`);
          expect(refused.status).toBe(403);
          await page.goto(`${base}/#/units/${instructorUnitId}/show`);
          await page.getByText(refused.body.messages.zh).waitFor({ timeout: UI_WAIT });
          expect(page.url()).not.toContain('login');
          await expectMenu(page, expectedMenu(role));
        }
      } finally {
        await context.close();
      }
    },
    30_000,
  );

  test('bureau_admin registers a unit through the form, renames it, finds it in the list and exports CSV', async () => {
    const { context, page } = await signIn('bureau_admin');
    try {
      await expectMenu(page, expectedMenu('bureau_admin'));
      await page.screenshot({ path: join(ARTIFACTS, 'admin-bureau_admin.png') });

      await page.locator('.RaMenuItemLink-root', { hasText: '单位' }).click();
      await page.getByRole('link', { name: '新建' }).click();
      await page.locator('input[name="name"]').fill('桥山镇中心幼儿园');
      await page.getByRole('combobox', { name: '类型' }).click();
      await page.getByRole('option', { name: '民办幼儿园' }).click();
      await page.locator('input[name="district"]').fill('桥山片区');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('桥山镇中心幼儿园').first().waitFor({ timeout: UI_WAIT });

      // Stored as an event by this user, not just shown.
      const stored = await t.request('GET', `/units?filter=${encodeURIComponent('{"q":"桥山镇中心"}')}`);
      expect(stored.body).toEqual([
        expect.objectContaining({ name: '桥山镇中心幼儿园', type: 'private_kindergarten', revision: 0 }),
      ]);
      const registered = await t.request('GET', `/activity?filter=${encodeURIComponent('{"type":"UnitRegistered"}')}`);
      expect(registered.body[0]).toMatchObject({ actorId: 'wang-admin', actorRole: 'bureau_admin' });

      // The edit screen saves through the RenameUnit command, with the revision it was showing.
      await page.getByRole('link', { name: '编辑' }).click();
      await page.locator('input[name="name"]').fill('桥山镇中心幼儿园（新园）');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('单位已更名为“桥山镇中心幼儿园（新园）”').waitFor({ timeout: UI_WAIT });
      const renamed = await t.request('GET', `/units/${stored.body[0].id}`);
      expect(renamed.body).toMatchObject({ name: '桥山镇中心幼儿园（新园）', revision: 1 });

      await page.locator('.RaMenuItemLink-root', { hasText: '单位' }).click();
      const row = page.locator('tr', { hasText: '桥山镇中心幼儿园' });
      await row.waitFor();
      await expect(row.innerText()).resolves.toContain('民办幼儿园');
      await expect(row.innerText()).resolves.toContain('（新园）');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-bureau_admin-units.png') });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain('名称,类型,片区');
      expect(csv).toContain('桥山镇中心幼儿园（新园）,民办幼儿园,桥山片区');
    } finally {
      await context.close();
    }
  }, 300_000);

  test('bureau_admin disables a user from its page, then switches the UI to English', async () => {
    const { context, page } = await signIn('bureau_admin');
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '用户' }).click();
      await page.locator('tr', { hasText: accounts.auditor.displayName }).click();
      await page.getByRole('button', { name: '停用' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
      await page.getByText('用户已停用').waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '启用' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'admin-bureau_admin-user.png') });
      const auditor = await t.request('GET', `/users/${accounts.auditor.username}`);
      expect(auditor.body.status).toBe('disabled');

      await page.locator('button', { hasText: '中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await expectMenu(page, expectedMenu('bureau_admin', ENGLISH));
      await page.getByRole('button', { name: 'Enable' }).waitFor();
    } finally {
      await context.close();
    }
  }, 300_000);
});
