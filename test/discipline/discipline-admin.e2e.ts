import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, openDialog, signInAs, UI_WAIT } from '../admin/browser.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';

const PASSWORD = 'browser-pass-2026';
const BODY = '中共蒲城县教育局委员会';

/**
 * Discipline and commendations in Chromium: the bureau opens a teacher-ethics case page (both sanctions
 * with their own periods), looks up a member's eligibility with its reasons and sees the 两优一先 board
 * with a veto and its reason; a branch secretary looks up its member and sees only whether and until when.
 */
describe('discipline and commendation screens in Chromium (e2e)', () => {
  const clock = new ManualClock('2025-06-05T02:00:00Z');
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin = '';
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const response = admin ? await t.requestAs(admin, 'POST', path, body) : await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body;
  };
  const decision = (decidedOn: string, n: number) => ({
    decidedOn,
    decidingBody: BODY,
    documentNumber: `蒲教党纪〔2025〕${n}号`,
  });

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp({ clock, env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const { unit, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, branch });
    [ids.m1, ids.m2, ids.m3] = await enrolMembers(post, { orgId: branch, unitId: unit }, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
    ]);
    // 孙丽: a teacher-ethics case with the double punishment and the disqualification.
    ids.ethics = (
      await post('/discipline/cases', {
        kind: 'teacher_ethics_violation',
        memberId: ids.m3,
        openedOn: '2025-03-01',
        summary: '有偿补课',
      })
    ).id;
    await post(`/discipline/cases/${ids.ethics}/violation`, { findings: '有偿补课属实', ...decision('2025-03-20', 1) });
    await post(`/discipline/cases/${ids.ethics}/sanctions`, {
      track: 'party',
      measure: 'warning',
      ...decision('2025-04-01', 2),
    });
    await post(`/discipline/cases/${ids.ethics}/sanctions`, {
      track: 'administrative',
      measure: 'demerit',
      ...decision('2025-04-01', 3),
    });
    await post(`/discipline/cases/${ids.ethics}/disqualification`, { months: 24, ...decision('2025-04-01', 4) });
    await post(`/discipline/cases/${ids.ethics}/close`, { closedOn: '2025-04-02', conclusion: 'decided' });
    // A cycle: 王芳 and 赵强 nominated; 赵强 is then sanctioned, so the publicity's veto takes him out.
    ids.cycle = (
      await post('/commendations/cycles', {
        year: 2025,
        name: '2025年度“两优一先”评选',
        quotas: { outstanding_member: 5, outstanding_party_worker: 2, advanced_party_org: 1 },
        nominationsDueOn: '2025-06-10',
        decisionDueOn: '2025-06-30',
        openedOn: '2025-06-01',
      })
    ).id;
    for (const m of [ids.m1, ids.m2])
      await post(`/commendations/cycles/${ids.cycle}/nominations`, {
        title: 'outstanding_member',
        nomineeId: m,
        merits: '教书育人',
      });
    ids.kase = (
      await post('/discipline/cases', {
        kind: 'misconduct',
        memberId: ids.m2,
        openedOn: '2025-06-03',
        summary: '违反工作纪律',
      })
    ).id;
    await post(`/discipline/cases/${ids.kase}/sanctions`, {
      track: 'party',
      measure: 'serious_warning',
      ...decision('2025-06-05', 5),
    });
    clock.set(new Date('2025-06-12T02:00:00Z'));
    admin = await t.login('admin', ADMIN_PASSWORD); // tokens are checked against the moving clock
    await post(`/commendations/cycles/${ids.cycle}/publicity`, { from: '2025-06-11' });
    // The browser checks its session against its own clock: the server's clock comes back to the present.
    clock.set(new Date());
    admin = await t.login('admin', ADMIN_PASSWORD);
    for (const [role, username, scope] of [
      ['bureau_staff', 'li-staff', {}],
      ['secretary', 'zhao-secretary', { orgIds: [branch] }],
    ] as const)
      expect(
        (
          await t.requestAs(admin, 'POST', '/users', {
            username,
            displayName: username,
            password: PASSWORD,
            role,
            ...scope,
          })
        ).status,
      ).toBe(201);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the bureau: a case page with both sanctions, an eligibility look-up with reasons, the cycle board', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'li-staff', PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '纪律处分案件' }).click();
      await page.getByText('孙丽').first().click();
      await page.getByTestId('case-title').waitFor({ timeout: UI_WAIT });
      await page.getByText('蒲教党纪〔2025〕3号').waitFor({ timeout: UI_WAIT });
      await expect(page.getByText('党内警告').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText('2026-03-31').count()).resolves.toBeGreaterThan(0); // both: 12 months from 1 April
      await page.screenshot({ path: join(ARTIFACTS, 'discipline-case.png'), fullPage: true });

      // The administrative sanction for 赵强, through the case page's dialog: its own row, its own period.
      await page.goto(`${base}/#/discipline-cases/${ids.kase}/show`);
      await page.getByRole('button', { name: '作出处分' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('处分种类').click();
      await page.getByRole('option', { name: '政务（行政）处分：警告（处分）' }).click();
      await dialog.getByLabel('决定日期').fill('2025-06-20');
      await dialog.getByLabel('决定机关').fill('蒲城县教育局');
      await dialog.getByLabel('文号').fill('蒲教发〔2025〕99号');
      await dialog.getByRole('button', { name: '作出处分' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: UI_WAIT });
      await page.getByText('蒲教发〔2025〕99号').waitFor({ timeout: UI_WAIT });
      await expect(page.getByText('2025-12-19').count()).resolves.toBeGreaterThan(0); // 6 months
      await page.screenshot({ path: join(ARTIFACTS, 'discipline-sanction-added.png'), fullPage: true });
      // Appealed and revoked: the appeal and its outcome are recorded; the sanction shows its revocation day.
      await page.getByRole('button', { name: '提出申诉' }).click();
      const appeal = page.getByRole('dialog');
      await appeal.getByLabel('处分').click();
      await page.getByRole('option', { name: '蒲教发〔2025〕99号（2025-06-20）' }).click();
      await appeal.getByLabel('申诉日期').fill('2025-06-25');
      await appeal.getByLabel('申诉理由').fill('事实认定有误');
      await appeal.getByRole('button', { name: '提出申诉' }).click();
      await appeal.waitFor({ state: 'hidden', timeout: UI_WAIT });
      const review = await openDialog(page, page.getByRole('button', { name: '作出复查决定' }), (d) =>
        d.getByLabel('结果'),
      );
      await review.getByLabel('结果').click();
      await page.getByRole('option', { name: '撤销处分' }).click();
      await review.getByLabel('决定日期').fill('2025-07-01');
      await review.getByLabel('决定机关').fill('蒲城县教育局');
      await review.getByLabel('文号').fill('蒲教发〔2025〕101号');
      await review.getByRole('button', { name: '作出复查决定' }).click();
      await review.waitFor({ state: 'hidden', timeout: UI_WAIT });
      await page.getByText('事实认定有误').waitFor({ timeout: UI_WAIT });
      await expect(page.getByText('2025-07-01').count()).resolves.toBeGreaterThan(1); // the appeal's and the sanction's
      await page.screenshot({ path: join(ARTIFACTS, 'discipline-appeal.png'), fullPage: true });

      await page.locator('.RaMenuItemLink-root', { hasText: '资格查询' }).click();
      await page.getByLabel('党员').fill('赵');
      await page.getByRole('option', { name: '赵强' }).click();
      await page.getByRole('button', { name: '查询' }).click();
      const table = page.getByTestId('eligibility');
      await table.waitFor({ timeout: UI_WAIT });
      await expect(table.innerText()).resolves.toContain('党内严重警告');
      await expect(table.innerText()).resolves.toContain('2026-12-04');
      await page.screenshot({ path: join(ARTIFACTS, 'discipline-eligibility-bureau.png'), fullPage: true });

      await page.goto(`${base}/#/commendation-cycles/${ids.cycle}/show`);
      const board = page.getByTestId('nominations');
      await board.waitFor({ timeout: UI_WAIT });
      await page.getByText('一票否决').first().waitFor({ timeout: UI_WAIT });
      await expect(board.innerText()).resolves.toContain('党纪处分影响期内');
      await expect(page.getByTestId('cycle-terms').innerText()).resolves.toContain('公示：2025-06-11 至 2025-06-17');
      await page.screenshot({ path: join(ARTIFACTS, 'commendation-board.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  test('a secretary: whether and until when, never the case file', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'zhao-secretary', PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '资格查询' }).click();
      await page.getByLabel('党员').fill('赵');
      await page.getByRole('option', { name: '赵强' }).click();
      await page.getByRole('button', { name: '查询' }).click();
      const table = page.getByTestId('eligibility');
      await table.waitFor({ timeout: UI_WAIT });
      const text = await table.innerText();
      expect(text).toContain('2026-12-04');
      expect(text).toContain('不具备');
      expect(text).not.toContain('严重警告');
      expect(text).not.toContain('蒲教党纪');
      await page.screenshot({ path: join(ARTIFACTS, 'discipline-eligibility-secretary.png'), fullPage: true });
      await expect(page.locator('.RaMenuItemLink-root', { hasText: '纪律处分案件' }).count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('the bureau decides the awards after the publicity and revokes one, with its own decision', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await page.goto(`${base}/#/commendation-cycles/${ids.cycle}/show`);
      const board = page.getByTestId('nominations');
      await board.waitFor({ timeout: UI_WAIT });
      const decision = await openDialog(page, page.getByRole('button', { name: '作出表彰决定' }), (d) =>
        d.getByLabel('决定日期'),
      );
      await decision.getByLabel('决定日期').fill('2025-06-20');
      await decision.getByLabel('决定机关').fill(BODY);
      await decision.getByLabel('文号').fill('蒲教党发〔2025〕40号');
      await decision.getByRole('button', { name: '作出表彰决定' }).click();
      await decision.waitFor({ state: 'hidden', timeout: UI_WAIT });
      const wang = board.locator('tr', { hasText: '王芳' });
      await wang.getByText('已表彰').waitFor({ timeout: UI_WAIT });
      // The vetoed nominee was not awarded, so there is nothing of his to revoke.
      await expect(
        board.locator('tr', { hasText: '赵强' }).getByRole('button', { name: '撤销表彰' }).count(),
      ).resolves.toBe(0);

      const revoke = await openDialog(page, wang.getByRole('button', { name: '撤销表彰' }), (d) =>
        d.getByLabel('撤销日期'),
      );
      await revoke.getByLabel('撤销日期').fill('2025-09-01');
      await revoke.getByLabel('撤销理由').fill('事迹材料失实');
      await revoke.getByLabel('决定机关').fill(BODY);
      await revoke.getByLabel('文号').fill('蒲教党发〔2025〕52号');
      await revoke.getByRole('button', { name: '撤销表彰' }).click();
      await revoke.waitFor({ state: 'hidden', timeout: UI_WAIT });
      await wang.getByText('已撤销').waitFor({ timeout: UI_WAIT });
      await expect(wang.getByRole('button', { name: '撤销表彰' }).count()).resolves.toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'commendation-revoked.png'), fullPage: true });
      const revoked = (await t.app.get<EventStore>(EVENT_STORE).readAll()).filter(
        (e) => e.type === 'CommendationRevoked',
      );
      expect(revoked.map((e) => e.data)).toEqual([expect.objectContaining({ documentNumber: '蒲教党发〔2025〕52号' })]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
