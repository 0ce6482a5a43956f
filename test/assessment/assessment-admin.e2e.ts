import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, signInAs, UI_WAIT } from '../admin/browser.js';

/**
 * The assessment screens in Chromium with the demo county: the bureau opens this year's rules, breaks the
 * JSON Schema and sees the error at its path, then reads the ranking with its grades and a unit's
 * explanation down to the events; the 桥山中学 secretary sees only the units under its organisation.
 */
describe('assessment screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('rules: a schema error shown at its JSON path, nothing saved; the what-if table; ranking and a unit explained', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      const before = (await t.request('GET', `/assessment/rulesets/${year}`)).body.revision as number;
      await page.goto(`${base}/#/assessment-rules`);
      // The form over the schema: a section's maximum made negative is refused, the error under its field.
      const maxPoints = page.locator('[data-path="$.sections[1].maxPoints"] input');
      await maxPoints.waitFor({ timeout: UI_WAIT });
      await maxPoints.fill('-5');
      await page.getByRole('button', { name: '保存' }).click();
      await page
        .locator('[data-path="$.sections[1].maxPoints"]')
        .getByText(/\$\.sections\[1\]\.maxPoints：/)
        .waitFor({ timeout: UI_WAIT });
      await page.getByLabel('细则中的错误').getByText('$.sections[1].maxPoints').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'assessment-rules-error.png'), fullPage: true });
      const stored = await t.request('GET', `/assessment/rulesets/${year}`);
      expect(stored.body.revision).toBe(before);
      // The same draft in the advanced tab, as JSON.
      await page.getByRole('tab', { name: 'JSON（高级）' }).click();
      const editor = page.getByRole('textbox', { name: /草稿/ });
      await editor.waitFor({ timeout: UI_WAIT });
      expect(
        (JSON.parse(await editor.inputValue()) as { sections: { maxPoints: number }[] }).sections[1].maxPoints,
      ).toBe(-5);
      // The draft as stored, tried on every unit against the version in force.
      await page.reload();
      await maxPoints.waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: /试算/ }).click();
      const whatIf = page.getByRole('table', { name: /试算/ });
      await whatIf.locator('tbody tr').first().waitFor({ timeout: UI_WAIT });
      expect(await whatIf.locator('tbody tr').count()).toBeGreaterThan(50);

      await page.goto(`${base}/#/assessment-scores`);
      const ranking = page.getByRole('table', { name: '考核排名' });
      await ranking.waitFor({ timeout: UI_WAIT });
      const first = ranking.locator('tbody tr').first();
      await expect(first.locator('td').first().innerText()).resolves.toBe('1');
      await first.click();
      const explanation = page.getByLabel('得分明细');
      await explanation.getByText('组织建设').first().waitFor({ timeout: UI_WAIT });
      await page.getByRole('img', { name: '等次分布' }).waitFor({ timeout: UI_WAIT });
      await page.getByLabel('季度通报').getByText(`${year}-Q1`).waitFor({ timeout: UI_WAIT });
      await page.getByRole('img', { name: '各季度得分' }).waitFor({ timeout: UI_WAIT });
      await page.getByLabel('自评与考评').getByText('综合得分').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'assessment-ranking.png') });
      // The bureau scores the unit's manual item (the leadership site check) from the review panel.
      const review = page.getByLabel('自评与考评');
      await review.getByLabel(/领导班子建设.*分值/).fill('8');
      await review.getByLabel(/领导班子建设.*说明/).fill('现场检查：会议记录较全');
      await review.getByRole('button', { name: '提交考评' }).click();
      await review.getByText('评分 8/10：现场检查：会议记录较全').waitFor({ timeout: UI_WAIT });
      // An adjustment with a reason: in hundredths it is refused with the rule; in tenths it is shown and counted.
      const adjust = review.getByLabel('调整得分');
      const superiorTotal = async () => Number(/上级考评 (-?[\d.]+)/.exec(await review.innerText())?.[1]);
      const superiorBefore = await superiorTotal();
      await adjust.getByLabel('加减分').fill('-0.25');
      await adjust.getByLabel('调整理由').fill('迎检资料补交');
      await adjust.getByRole('button', { name: '调整得分' }).click();
      await page
        .getByText(/请求有误：points/)
        .first()
        .waitFor({ timeout: UI_WAIT });
      await expect(review.getByText('迎检资料补交').count()).resolves.toBe(0);
      await adjust.getByLabel('加减分').fill('-2');
      await adjust.getByRole('button', { name: '调整得分' }).click();
      await review.getByText('-2（迎检资料补交）').waitFor({ timeout: UI_WAIT });
      await expect(superiorTotal()).resolves.toBeCloseTo(superiorBefore - 2, 5);
      await review.screenshot({ path: join(ARTIFACTS, 'assessment-review-bureau.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  test('a secretary ranks only the units under its organisation and cannot edit the rules', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    try {
      const token = await t.login('secretary-qiaoshan', DEMO_PASSWORD);
      const own = (await t.requestAs(token, 'GET', `/assessment/scores?year=${year}`)).body.rows as { name: string }[];
      const all = (await t.request('GET', `/assessment/scores?year=${year}`)).body.rows as unknown[];
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThan(all.length);
      await page.goto(`${base}/#/assessment-scores`);
      const ranking = page.getByRole('table', { name: '考核排名' });
      await ranking.getByText(own[0].name).first().waitFor({ timeout: UI_WAIT });
      await expect(ranking.locator('tbody tr').count()).resolves.toBe(own.length);
      // Its own unit: the self-assessment of the manual items, and a comment on the result.
      await ranking.locator('tbody tr').first().click();
      const review = page.getByLabel('自评与考评');
      await review.getByLabel(/领导班子建设.*分值/).fill('9');
      await review.getByRole('button', { name: '提交自评' }).click();
      await review
        .getByText(/评分 9\/10/)
        .first()
        .waitFor({ timeout: UI_WAIT });
      await review.getByLabel('说明').last().fill('请复核领导班子建设得分');
      await review.getByRole('button', { name: '提出意见' }).click();
      await review.getByText(/请复核领导班子建设得分/).waitFor({ timeout: UI_WAIT });
      await expect(page.getByRole('button', { name: '发布通报' }).count()).resolves.toBe(0);
      await review.screenshot({ path: join(ARTIFACTS, 'assessment-review-secretary.png') });
      await page.goto(`${base}/#/assessment-rules`);
      await page.getByRole('tab', { name: 'JSON（高级）' }).click();
      await page.getByRole('textbox', { name: /草稿/ }).waitFor({ timeout: UI_WAIT });
      await expect(page.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
