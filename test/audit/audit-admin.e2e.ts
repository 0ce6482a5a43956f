import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, menuLabels, signInAs, UI_WAIT } from '../admin/browser.js';
import { visitRecordedLate } from './scenario.js';

/**
 * The audit page in Chromium, as an auditor: the unit picked by name, its score on the time slider as of
 * a business date and as known at a record date (the visit of 12 October entered on 20 October), the two
 * points side by side, a line drilled to its events in the timeline, the verification status and the
 * Excel export; then the bureau sees who looked.
 */
describe('audit page in Chromium (e2e)', () => {
  const clock = new ManualClock('2026-10-05T02:00:00.000Z');
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ t } = await visitRecordedLate(clock));
    base = t.api.replace(/\/api$/, '');
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an auditor replays 桥山中学: slider as of / as known at, diff, drill to events, export; reads nothing else', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'qian-shenji', USER_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '审计回溯' }).click();
      // The list's row, not the home page's mention of the school (its lines load while the menu is clicked).
      await page.locator('.RaDataTable-tbody tr', { hasText: '桥山中学' }).first().click();
      await page.getByTestId('verification-status').waitFor({ timeout: UI_WAIT });
      expect(await page.getByTestId('verification-status').innerText()).toMatch(
        /校验状态：(未校验|校验通过|校验未通过)/,
      );
      // Today (20 October), everything known: two visits under v1 (5 each)… and no v2 here.
      const total = page.getByTestId('score-total').first();
      await expect(total.innerText()).resolves.toContain('总分：10');
      // As known at 15 October: the visit of 12 October was not entered yet.
      const point = page.getByTestId('point');
      await point.getByRole('button', { name: '按当时记录' }).click();
      await point.getByLabel('时点 日期').fill('2026-10-15');
      await page.getByTestId('score-total').first().getByText('总分：5').waitFor({ timeout: UI_WAIT });
      // As of 15 October: it had happened.
      await point.getByRole('button', { name: '截至业务日期' }).click();
      await page.getByTestId('score-total').first().getByText('总分：10').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'audit-point.png'), fullPage: true });

      // A (as known at 15 October) against B (as of 20 October), side by side.
      const a = page.getByTestId('point-a');
      await a.getByLabel('A 日期').fill('2026-10-15');
      await page.getByRole('button', { name: '对比', exact: true }).click();
      const diff = page.getByTestId('diff');
      await diff.getByText('总分变化 +5').waitFor({ timeout: UI_WAIT });
      expect(await page.getByTestId('diff-added').innerText()).toContain('记录指导员到单位指导');
      await page.screenshot({ path: join(ARTIFACTS, 'audit-diff.png'), fullPage: true });

      // The changed line drilled to its events: the timeline shows only them.
      await diff
        .getByRole('button', { name: /依据事件 1 条/ })
        .first()
        .click();
      await page.getByText('仅显示所选 1 条事件').waitFor({ timeout: UI_WAIT });
      const lines = page.getByTestId('timeline-line');
      // The chip shows at once and the lines come with the next read (the CI caught a count taken before it
      // answered): wait for the drilled line, and for no second one, before counting.
      await lines.filter({ hasText: '走访 2026-10-12' }).first().waitFor({ timeout: UI_WAIT });
      await lines.nth(1).waitFor({ state: 'detached', timeout: UI_WAIT });
      await expect(lines.count()).resolves.toBe(1);
      expect(await lines.first().innerText()).toContain('走访 2026-10-12');
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, 'audit-timeline.png'), fullPage: true });

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/桥山中学-2026.*\.xlsx$/);
      // Read-only: the bureau's list of reads is not the auditor's.
      expect(await menuLabels(page)).toEqual(expect.arrayContaining(['动态', '审计回溯']));
      expect(await menuLabels(page)).not.toContain('审计查阅记录');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('the bureau sees who read which unit, when, and what they asked', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '审计查阅记录' }).click();
      await page.getByText('钱审计').first().waitFor({ timeout: UI_WAIT });
      await page.getByText('导出审计材料').first().waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'audit-reads.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
