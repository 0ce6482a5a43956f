import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, expectMenu, launchBrowser, signInAs, UI_WAIT } from './browser.js';
import { expectedMenu } from './menus.js';

/**
 * The roster screens in a real browser against the app with the demo county: the organisation
 * tree, the member list and its filters, the import wizard (a file with an error is refused row by
 * row, a good one enrolled), and a secretary who sees only its own organisation: its members, the
 * tree with its organisation as the root, its posts and their server export.
 */
const HEADER = '姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师';
const encodeFilter = (filter: object) => encodeURIComponent(JSON.stringify(filter));

describe('roster screens in Chromium with the demo county (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let qiaoshanOrgId: string;
  const files = join(tmpdir(), `party-ledger-roster-${process.pid}`);

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(files, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const orgs = await t.request('GET', `/party-organizations?filter=${encodeFilter({ q: '桥山中学党总支' })}`);
    expect(orgs.body).toHaveLength(1);
    qiaoshanOrgId = orgs.body[0].id;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Rows of the list on screen, as text, once the list has loaded. */
  const listRows = async (page: Page) => {
    await page.locator('.RaDataTable-root tbody tr, .RaList-noResults, .RaEmpty-root').first().waitFor();
    return page.locator('.RaDataTable-root tbody tr').allInnerTexts();
  };

  /** Reads until the predicate holds (lists refetch after a filter changes) or 5 s pass; returns the last read. */
  const settle = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 30_000;
    let value = await read();
    while (!done(value) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      value = await read();
    }
    return value;
  };

  /** Each body row of a table as its cells' trimmed text (a status chip renders on lines of its own). */
  const tableCells = async (table: ReturnType<Page['getByRole']>) =>
    Promise.all(
      (await table.locator('tbody tr').all()).map(async (row) =>
        (await row.locator('td').allInnerTexts()).map((text) => text.trim()),
      ),
    );

  const totalOf = async (token: string, path: string) =>
    Number((await t.requestAs(token, 'GET', path)).headers.get('content-range')?.split('/')[1]);

  test('bureau_admin: organisation tree, member filters, import wizard with an error preview, then a good file', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await expectMenu(page, expectedMenu('bureau_admin'));

      // The tree, built from the list's parentId: the bureau committee with the Qiaoshan general branch under it.
      await page.locator('.RaMenuItemLink-root', { hasText: '党组织' }).click();
      await page.getByRole('link', { name: '组织树' }).click();
      const bureau = page.getByRole('treeitem', { name: '中共蒲城县教育局委员会', exact: true });
      await bureau.waitFor({ timeout: UI_WAIT });
      await expect(bureau.getAttribute('aria-level')).resolves.toBe('1');
      const qiaoshan = bureau.getByRole('treeitem', { name: '桥山中学党总支', exact: true });
      await qiaoshan.waitFor();
      await expect(qiaoshan.getAttribute('aria-level')).resolves.toBe('2');
      // B15: some demo committees are past their term or near it, shown in the warning colours.
      expect(await page.locator('[role="tree"] [data-term="expired"], [role="tree"] [data-term="soon"]').count()).toBe(
        await totalOf(t.adminToken, `/party-organizations?filter=${encodeFilter({ termEndsBy: threeMonthsOn() })}`),
      );
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-tree.png'), fullPage: true });
      // Collapsing the bureau hides its children; expanding shows them again.
      await page.getByRole('button', { name: '收起 中共蒲城县教育局委员会' }).click();
      await qiaoshan.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '展开 中共蒲城县教育局委员会' }).click();
      await qiaoshan.waitFor();

      // The organisation's page: its posts tab, where a post is assigned through the AssignPosition command.
      await qiaoshan.getByRole('link', { name: '桥山中学党总支' }).first().click();
      await page.getByRole('tab', { name: '职务' }).click();
      const posts = page.locator('.RaDataTable-root tbody tr');
      await posts.filter({ hasText: '书记' }).first().waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '任职', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: '党员' }).fill('冯悦');
      await page.getByRole('option', { name: '冯悦' }).click();
      await dialog.getByRole('combobox', { name: '职务' }).click();
      await page.getByRole('option', { name: '党小组长' }).click();
      await dialog.getByRole('button', { name: '任职', exact: true }).click();
      await page.getByText('已任命为党小组长').waitFor({ timeout: UI_WAIT });
      await posts.filter({ hasText: '党小组长' }).first().waitFor();
      const held = await t.request(
        'GET',
        `/positions?filter=${encodeFilter({ orgId: qiaoshanOrgId, title: 'group_leader' })}`,
      );
      expect(held.body).toEqual([expect.objectContaining({ memberName: '冯悦', to: null })]);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-org.png'), fullPage: true });

      // Members filtered by organisation: every row is of that organisation, as many as the API counts.
      await page.getByRole('menuitem', { name: '党员', exact: true }).click();
      await listRows(page);
      await page.getByRole('combobox', { name: '所属党组织' }).fill('桥山中学党总支');
      await page.getByRole('option', { name: '桥山中学党总支' }).click();
      await page.waitForURL(/orgId/);
      const expected = await totalOf(
        t.adminToken,
        `/members?filter=${encodeFilter({ orgId: qiaoshanOrgId, status: 'active' })}`,
      );
      expect(expected).toBeGreaterThan(3);
      expect(
        await settle(
          () => listRows(page),
          (rows) => rows.length === Math.min(expected, 25),
        ),
      ).toHaveLength(Math.min(expected, 25));
      for (const row of await listRows(page)) expect(row).toContain('桥山中学党总支');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-members.png'), fullPage: true });

      // The server's CSV export of the filtered list: a BOM, the template's headers, only that organisation.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 CSV' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1)).toMatch(new RegExp(`^${HEADER},编号\r\n`));
      expect(csv.trim().split('\r\n')).toHaveLength(expected + 1);

      // Import: one good row and one bad one. The preview lists the error by row and column; confirm stays off.
      await page.getByRole('link', { name: '导入党员' }).click();
      const bad = join(files, 'bad.csv');
      writeFileSync(
        bad,
        `\uFEFF${HEADER}\r\n欧阳明远,男,1988-03-12,桥山中学,桥山中学党总支,正式党员,2012-07-01,物理教师,是\r\n` +
          `司马静怡,未知,1992-11-02,桥山中学,桥山中学党总支,预备党员,2026-01-15,语文教师,是\r\n`,
      );
      await page.locator('input[type="file"]').setInputFiles(bad);
      const errors = page.getByRole('table', { name: '错误列表' });
      await errors.waitFor({ timeout: UI_WAIT });
      expect(await errors.locator('tbody tr').allInnerTexts()).toEqual(['3\t性别\t性别应为“男”或“女”']);
      await expect(page.getByText('文件“bad.csv”，共 2 行数据').isVisible()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: '确认导入' }).isDisabled()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-import-errors.png'), fullPage: true });
      // Nothing was written, not even the good row.
      await expect(totalOf(t.adminToken, `/members?filter=${encodeFilter({ q: '欧阳明远' })}`)).resolves.toBe(0);

      // The corrected file: a preview of the rows with names looked up, then confirmed and enrolled.
      await page.getByRole('button', { name: '重新上传' }).click();
      const good = join(files, 'good.csv');
      writeFileSync(good, readFileSync(bad, 'utf8').replace('司马静怡,未知', '司马静怡,女'));
      await page.locator('input[type="file"]').setInputFiles(good);
      const sample = page.getByRole('table', { name: '导入预览' });
      await sample.waitFor({ timeout: UI_WAIT });
      const sampleRows = (await tableCells(sample)).map((cells) => cells.join('\t'));
      expect(sampleRows).toHaveLength(2);
      expect(sampleRows[1]).toContain('3\t新增\t司马静怡\t女\t1992-11-02\t桥山中学\t桥山中学党总支\t预备党员');
      await page.getByRole('button', { name: '确认导入' }).click();
      await page.getByText('已导入 2 名党员，跳过 0 名（已在名册中）').first().waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-import-done.png'), fullPage: true });
      const enrolled = await t.request('GET', `/members?filter=${encodeFilter({ q: '司马静怡' })}`);
      expect(enrolled.body).toEqual([
        expect.objectContaining({ orgId: qiaoshanOrgId, gender: 'female', category: 'probationary', teaches: true }),
      ]);

      // And the new member is in the list.
      await page.getByRole('link', { name: '查看党员名册' }).click();
      await listRows(page);
      await page.getByPlaceholder('搜索').fill('司马静怡');
      const found = await settle(
        () => listRows(page),
        (rows) => rows.length === 1 && rows[0].includes('司马静怡'),
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('司马静怡\t女\t桥山中学党总支\t桥山中学');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-imported.png'), fullPage: true });

      // The same file again: both rows are shown as already on the roster, and there is nothing to confirm.
      await page.getByRole('link', { name: '导入党员' }).click();
      await page.locator('input[type="file"]').setInputFiles(good);
      await sample.waitFor({ timeout: UI_WAIT });
      const again = await tableCells(sample);
      expect(again.map((cells) => cells.slice(0, 3))).toEqual([
        ['2', '已在名册中', '欧阳明远'],
        ['3', '已在名册中', '司马静怡'],
      ]);
      await page.getByText('文件中的党员都已在名册中，没有需要导入的新党员。').waitFor();
      await expect(page.getByRole('button', { name: '确认导入' }).isDisabled()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-reimport.png'), fullPage: true });
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);

  test('a secretary sees its own organisation only: members, the tree with it as root, its posts and their export', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    try {
      await expectMenu(page, expectedMenu('secretary'));
      const token = await t.login('secretary-qiaoshan', DEMO_PASSWORD);
      const own = await totalOf(token, `/members?filter=${encodeFilter({ status: 'active' })}`);
      const all = await totalOf(t.adminToken, `/members?filter=${encodeFilter({ status: 'active' })}`);
      expect(own).toBeGreaterThan(3);
      expect(own).toBeLessThan(all);

      await page.getByRole('menuitem', { name: '党员', exact: true }).click();
      expect(
        await settle(
          () => listRows(page),
          (rows) => rows.length === Math.min(own, 25),
        ),
      ).toHaveLength(Math.min(own, 25));
      for (const row of await listRows(page)) expect(row).toContain('桥山中学党总支');
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-secretary.png'), fullPage: true });

      // Its unit's page shows the roster facts: full members and its own organisation.
      await page.locator('.RaMenuItemLink-root', { hasText: '单位' }).click();
      // The members' rows name 桥山中学 too: click a row only once the units' list has replaced them.
      await page.waitForURL(/#\/units(\?|$)/);
      await page.getByRole('columnheader', { name: '正式党员数' }).waitFor({ timeout: UI_WAIT });
      await page.locator('tr', { hasText: '桥山中学' }).first().click();
      await page.getByText('正式党员数').waitFor({ timeout: UI_WAIT });
      await page.getByRole('link', { name: '桥山中学党总支' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-unit.png'), fullPage: true });

      // The organisation tree holds only its own organisation (and any under it), shown as the root.
      const visible = (await t.requestAs(token, 'GET', '/party-organizations?range=[0,99]')).body as { name: string }[];
      expect(visible.map((o) => o.name)).toContain('桥山中学党总支');
      expect(visible.map((o) => o.name)).not.toContain('中共蒲城县教育局委员会');
      await page.goto(`${base}/#/party-organizations/tree`);
      const root = page.getByRole('treeitem', { name: '桥山中学党总支', exact: true });
      await root.waitFor({ timeout: UI_WAIT });
      await expect(root.getAttribute('aria-level')).resolves.toBe('1');
      expect(await page.getByRole('treeitem').count()).toBe(visible.length);
      await page.screenshot({ path: join(ARTIFACTS, 'admin-roster-secretary-tree.png'), fullPage: true });

      // Its posts, exported by the server: a BOM, the Chinese headers, only its organisations' posts.
      const posts = await totalOf(token, `/positions?filter=${encodeFilter({ current: true })}`);
      expect(posts).toBeGreaterThan(0);
      await page.locator('.RaMenuItemLink-root', { hasText: '职务' }).click();
      await listRows(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 CSV' }).click(),
      ]);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('党组织,姓名,职务,交叉任职,任职日期,免职日期');
      expect(lines).toHaveLength(posts + 1);
      for (const line of lines.slice(1)) expect(line).toMatch(/^桥山中学党总支,/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});

/** Today plus three months in Shanghai, as the admin computes B15's warning horizon. */
function threeMonthsOn(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + 3, day)).toISOString().slice(0, 10);
}
