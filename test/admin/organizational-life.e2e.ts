import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { shanghaiDate } from '../../src/core/time/local-date.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';
import { ARTIFACTS, ensureAdminBuilt, eventually, launchBrowser, signInAs, UI_WAIT } from './browser.js';

/**
 * Organisational life in a real browser: a branch secretary records a general meeting with attendance
 * picked from the roster and sees the month grid's cell fill; a general meeting with only half of the full
 * members present is recorded and its page names the quorum rule; the bureau selects a typical case.
 */
const PASSWORD = 'browser-pass-2026';
const MEMBERS = ['王芳', '赵强', '孙丽', '周杰', '吴刚', '郑敏'];

describe('organisational life screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let branch: string;
  let caseId: string;
  const today = shanghaiDate(new Date());

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    base = t.api.replace(/\/api$/, '');
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([response.status, response.body]).toEqual([201, expect.anything()]);
      return response.body as { id: string };
    };
    const school = await seedSchoolBranch(post);
    branch = school.branch;
    await enrolMembers(
      post,
      { orgId: branch, unitId: school.unit },
      MEMBERS.map((name) => ({ name })),
    );
    for (const [username, role, scope] of [
      ['orglife-secretary', 'secretary', { orgIds: [branch] }],
      ['orglife-bureau', 'bureau_staff', {}],
    ] as const)
      await post('/users', { username, displayName: username, password: PASSWORD, role, ...scope });
    caseId = (
      await post('/organizational-life/typical-cases', {
        orgId: branch,
        unitId: school.unit,
        title: '轮流讲党课激活组织生活',
        summary: '党员教师轮流讲党课，书记逐一点评。',
        submittedOn: today,
      })
    ).id;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Records a general meeting through the form, marking `absent` members absent; lands on its page. */
  const recordGeneralMeeting = async (page: Page, topic: string, absent: string[]) => {
    await page.goto(`${base}/#/organizational-life/create`);
    await page.getByRole('combobox', { name: '党组织' }).fill('桥山中学党支部');
    await page.getByRole('option', { name: '桥山中学党支部' }).click();
    await page.getByRole('combobox', { name: '类型' }).click();
    await page.getByRole('option', { name: '支部党员大会' }).click();
    await page.getByLabel('主题').fill(topic);
    for (const name of MEMBERS) await page.locator(`[data-member="${name}"]`).waitFor({ timeout: UI_WAIT });
    for (const name of absent) await page.locator(`[data-member="${name}"]`).getByLabel('缺席党员').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/organizational-life\/[^/]+\/show/, { timeout: UI_WAIT });
  };

  test('a secretary records a general meeting from the roster, sees the grid fill, and a non-quorate one names the rule', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'orglife-secretary', PASSWORD);
    try {
      await recordGeneralMeeting(page, '学习贯彻党的二十届四中全会精神', ['郑敏']);
      await page.getByText('达到法定人数').waitFor({ timeout: UI_WAIT });

      await page.goto(`${base}/#/organizational-life/grid`);
      const cell = page.locator(`td[data-kind="branch_general_meeting"][data-month="${today.slice(0, 7)}"]`);
      await eventually(
        'the grid shows the meeting held',
        async () => (await cell.getAttribute('data-status')) === 'held',
      );
      expect((await cell.innerText()).trim()).toBe('1');
      await page.screenshot({ path: join(ARTIFACTS, 'organizational-life-grid.png'), fullPage: true });

      await recordGeneralMeeting(page, '讨论年度工作', ['周杰', '吴刚', '郑敏']);
      const alert = page.getByRole('alert').filter({ hasText: '未达法定人数' });
      await alert.waitFor({ timeout: UI_WAIT });
      expect(await alert.innerText()).toContain('半数以上');
      await page.screenshot({ path: join(ARTIFACTS, 'organizational-life-not-quorate.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the bureau selects a typical case for the conference', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'orglife-bureau', PASSWORD);
    try {
      await page.goto(`${base}/#/typical-cases/${caseId}/show`);
      await page.getByRole('button', { name: '选入年度大会' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('说明').fill('在年度党建工作会议上交流');
      await dialog.getByRole('button', { name: '选入年度大会' }).click();
      await page.getByText('已入选').first().waitFor({ timeout: UI_WAIT });
      const selected = await t.request('GET', `/organizational-life/typical-cases/${caseId}`);
      expect(selected.body).toMatchObject({ status: 'selected', conferenceYear: Number(today.slice(0, 4)) });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
