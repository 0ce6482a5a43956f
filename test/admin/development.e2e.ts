import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { ADMIN_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { addDays, addYears, shanghaiDate } from '../../src/core/time/local-date.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, openDialog, signInAs, UI_WAIT } from './browser.js';

/**
 * The membership development case page in a real browser: a bureau_admin opens a case and sees the
 * stepper over the 5 stages and 25 steps (titles from GET /api/development/catalogue), the done steps
 * with their dates, and a button for the next step only (the case read's `nextSteps`); a refused step
 * shows the server's message under its field. The branch secretary gets the same step, in English too;
 * an auditor, whose role sends nothing, none. Records: a step's dialog takes the documents it produced
 * (titles suggested from the catalogue), a done step takes one more through 补充材料, and the stepper
 * lists them under their steps. The higher committee's steps (pre-review…) are offered to the bureau, never to
 * the secretary of a general branch; the bureau's committee shows its approval authority.
 */
const PASSWORD = 'browser-pass-2026';
const encodeFilter = (filter: object) => encodeURIComponent(JSON.stringify(filter));
/** The titles a dialog's record inputs suggest (their datalist, from the catalogue's expected records). */
const suggestions = async (dialog: Locator) =>
  Promise.all((await dialog.locator('datalist option').all()).map((option) => option.getAttribute('value')));

describe('membership development screens in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let caseId: string;
  let waitingId: string;
  /** A case whose activist was determined 60 days ago: filing it is next, and step 7 a year after. */
  let recentId: string;
  let unitName: string;
  const today = shanghaiDate(new Date());
  const daysAgo = (days: number) => addDays(today, -days);

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startDemoApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const orgs = await t.request('GET', `/party-organizations?filter=${encodeFilter({ q: '桥山中学党总支' })}`);
    expect(orgs.body).toHaveLength(1);
    const org = orgs.body[0] as { id: string; unitIds: string[] };
    const applied = await t.request('POST', '/development/cases', {
      name: '李晓明',
      gender: 'male',
      birthDate: '1998-05-04',
      orgId: org.id,
      unitId: org.unitIds[0],
      on: '2025-03-01',
    });
    expect(applied.status).toBe(201);
    caseId = applied.body.id;
    // A second application, with no talk yet: its talk (A1) is due within a month, and overdue by now.
    const waiting = await t.request('POST', '/development/cases', {
      name: '王晓红',
      gender: 'female',
      birthDate: '1999-06-01',
      orgId: org.id,
      unitId: org.unitIds[0],
      on: '2025-03-01',
    });
    expect(waiting.status).toBe(201);
    waitingId = waiting.body.id;
    const talked = await t.request('POST', `/development/cases/${caseId}/talk`, {
      on: '2025-03-20',
      talkedBy: '张书记',
      summary: '了解入党动机',
    });
    expect(talked.status).toBe(201);
    unitName = (await t.request('GET', `/units/${org.unitIds[0]}`)).body.name;
    const recent = await t.request('POST', '/development/cases', {
      name: '陈晓东',
      gender: 'male',
      birthDate: '1997-07-01',
      orgId: org.id,
      unitId: org.unitIds[0],
      on: daysAgo(90),
    });
    recentId = recent.body.id;
    for (const [path, body] of [
      ['talk', { on: daysAgo(80), talkedBy: '张书记', summary: '了解入党动机' }],
      ['activist', { on: daysAgo(60), recommendation: 'member_recommendation' }],
    ] as const)
      expect((await t.request('POST', `/development/cases/${recentId}/${path}`, body)).status).toBe(201);
    const admin = await t.request('POST', '/users', {
      username: 'dev-admin',
      displayName: '发展管理员',
      password: PASSWORD,
      role: 'bureau_admin',
    });
    expect(admin.status).toBe(201);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('bureau_admin sees the stepper, the done steps with dates, and only the next step as a button', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      await page.goto(`${base}/#/development/${caseId}/show`);
      const stepper = page.getByTestId('development-stepper');
      await stepper.waitFor({ timeout: UI_WAIT });
      const text = await stepper.innerText();
      for (const label of [
        '申请入党',
        '预备党员的教育考察和转正',
        '递交入党申请书',
        '材料归档',
        '2025-03-01',
        '2025-03-20',
      ])
        expect(text).toContain(label);
      await expect(page.locator('.MuiStepLabel-root').count()).resolves.toBe(5 + 25);

      // Its obligations: none open after the talk (the next step has no deadline of its own).
      await page.getByText('当前没有待办事项').waitFor();

      // Step 3 is next; step 4 (filing the activist) needs step 3 first, so it has no button: the
      // buttons are exactly the server's `nextSteps`.
      const next = page.getByRole('button', { name: '确定入党积极分子', exact: true });
      await next.waitFor();
      await expect(page.getByRole('button', { name: '积极分子报上级党委备案' }).count()).resolves.toBe(0);
      await expect(page.getByTestId('development-next-steps').getByRole('button').count()).resolves.toBe(1);
      const row = await t.request('GET', `/development/cases/${caseId}`);
      expect(row.body.nextSteps).toEqual(['activist']);

      // A date in the future is refused by the server: its message shows under the date field.
      await next.click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name="on"]').fill('2099-01-01');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option', { name: '党员推荐' }).click();
      await dialog.getByRole('button', { name: '记录' }).click();
      await dialog.getByText('日期晚于今天').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'development-case.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('a case page lists the open obligations with their dates (最早 only where a rule sets one)', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      await page.goto(`${base}/#/development/${waitingId}/show`);
      const obligations = page.getByTestId('development-obligations');
      await obligations.waitFor({ timeout: UI_WAIT });
      const open = (
        await t.request('GET', `/development/obligations?filter=${encodeFilter({ caseId: waitingId, open: true })}`)
      ).body as { code: string; dueOn: string; notBefore: string | null }[];
      expect(open.map((o) => [o.code, o.dueOn, o.notBefore])).toEqual([['A1', '2025-04-01', null]]);
      const a1 = obligations.locator('li[data-code="A1"]');
      const shown = await a1.innerText();
      expect(shown).toContain('截止 2025-04-01');
      expect(shown).toContain('已逾期');
      expect(shown).not.toContain('最早'); // the six-month wait (A15) is covered in obligations.spec.ts
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the branch secretary gets the same next step, titled from the catalogue in either language', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    try {
      await page.goto(`${base}/#/development/${caseId}/show`);
      await page.getByRole('button', { name: '确定入党积极分子', exact: true }).waitFor({ timeout: UI_WAIT });
      await expect(page.getByTestId('development-next-steps').getByRole('button').count()).resolves.toBe(1);
      await page.locator('button', { hasText: '中文' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Determine activist', exact: true }).waitFor();
      await page.getByTestId('development-stepper').getByText('Archive materials').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('an auditor reads the case and its stepper, and is offered no step at all', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'auditor', DEMO_PASSWORD);
    try {
      await page.goto(`${base}/#/development/${caseId}/show`);
      await page.getByTestId('development-stepper').getByText('递交入党申请书').waitFor({ timeout: UI_WAIT });
      await expect(page.getByTestId('development-next-steps').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: '确定入党积极分子' }).count()).resolves.toBe(0);
      const token = await t.login('auditor', DEMO_PASSWORD);
      expect((await t.requestAs(token, 'GET', `/development/cases/${caseId}`)).body.nextSteps).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the pre-review is offered to the bureau, not to the general branch’s secretary', async () => {
    const orgs = await t.request('GET', `/party-organizations?filter=${encodeFilter({ q: '桥山中学党总支' })}`);
    const org = orgs.body[0] as { id: string; unitIds: string[] };
    const full = await t.request(
      'GET',
      `/members?filter=${encodeFilter({ orgId: org.id, category: 'full', status: 'active' })}&range=[0,1]`,
    );
    const [m1, m2] = (full.body as { id: string }[]).map((m) => m.id);
    const applied = await t.request('POST', '/development/cases', {
      name: '赵晓东',
      gender: 'male',
      birthDate: '1996-04-01',
      orgId: org.id,
      unitId: org.unitIds[0],
      on: '2024-01-02',
    });
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    const steps: [string, string, object?][] = [
      ['talk', '2024-01-10', { talkedBy: '王芳', summary: '了解入党动机' }],
      ['activist', '2024-02-01', { recommendation: 'member_recommendation' }],
      ['activist-filing', '2024-02-02'],
      ['contacts', '2024-02-02', { contactIds: [m1, m2] }],
      ['assessments', '2024-08-01', { summary: '半年考察：合格' }],
      ['candidate', '2025-02-10', { publicityFrom: '2025-01-20', publicityTo: '2025-01-24' }],
      ['candidate-filing', '2025-02-11'],
      ['introducers', '2025-02-12', { introducerIds: [m1, m2] }],
      ['political-review', '2025-03-01', { conclusion: 'passed', summary: '政治审查合格' }],
      ['training', '2025-03-05', { days: 3, classHours: 24, provider: '县委党校' }],
      ['branch-review', '2025-03-10', { conclusion: 'submit' }],
    ];
    for (const [path, on, body] of steps) {
      const sent = await t.request('POST', `/development/cases/${id}/${path}`, { on, ...body });
      expect([path, sent.status]).toEqual([path, 201]);
    }
    const nextButtons = async (username: string, password: string) => {
      const { context, page, problems } = await signInAs(browser, base, username, password);
      try {
        await page.goto(`${base}/#/development/${id}/show`);
        const next = page.getByTestId('development-next-steps');
        await next.getByRole('button', { name: '记录思想汇报' }).waitFor({ timeout: UI_WAIT });
        expect(problems).toEqual([]);
        return (await next.getByRole('button').allInnerTexts()).map((text) => text.trim());
      } finally {
        await context.close();
      }
    };
    expect(await nextButtons('dev-admin', PASSWORD)).toEqual(['记录思想汇报', '上级党委预审']);
    expect(await nextButtons('secretary-qiaoshan', DEMO_PASSWORD)).toEqual(['记录思想汇报']);
  }, 300_000);

  test('the bureau’s committee shows its approval authority; a new committee may be given it', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      const bureau = await t.request('GET', `/party-organizations?filter=${encodeFilter({ q: '教育局委员会' })}`);
      expect(bureau.body[0]).toMatchObject({ kind: 'basic_party_committee', approvalAuthority: true });
      await page.goto(`${base}/#/party-organizations/${bureau.body[0].id}/show`);
      await page.getByTestId('approval-authority').getByText('具有审批权限').waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '撤销审批权限' }).waitFor();

      await page.goto(`${base}/#/party-organizations/create`);
      await page.locator('input[name="name"]').fill('中共桥山中学委员会');
      await expect(page.locator('input[name="approvalAuthority"]').count()).resolves.toBe(0);
      await page.getByRole('combobox').first().click();
      await page.getByRole('option', { name: '党委' }).click();
      await page.locator('input[name="approvalAuthority"]').check();
      await page.locator('input[name="foundedOn"]').fill('2020-09-01');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByTestId('approval-authority').getByText('具有审批权限').waitFor({ timeout: UI_WAIT });
      const created = await t.request(
        'GET',
        `/party-organizations?filter=${encodeFilter({ q: '中共桥山中学委员会' })}`,
      );
      expect(created.body[0]).toMatchObject({ kind: 'basic_party_committee', approvalAuthority: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('records: one attached to the done talk, one sent with the activist step, both listed under their steps', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      await page.goto(`${base}/#/development/${caseId}/show`);
      const stepper = page.getByTestId('development-stepper');
      await stepper.waitFor({ timeout: UI_WAIT });
      // Only done steps offer 补充材料 (steps 1 and 2 here).
      await expect(stepper.getByRole('button', { name: '补充材料' }).count()).resolves.toBe(2);

      // 补充材料 on step 2: the talk record, with where it is kept and its date.
      await page.getByTestId('development-attach-talk').click();
      let dialog = page.getByRole('dialog');
      await dialog.getByText('补充材料：党组织派人谈话').waitFor();
      expect(await suggestions(dialog)).toEqual(['谈话记录']);
      await dialog.locator('input[name="title"]').fill('谈话记录');
      await dialog.locator('input[name="reference"]').fill('党员档案 2025-031 第 2 页');
      await dialog.locator('input[name="on"]').fill('2025-03-20');
      await dialog.getByRole('button', { name: '补充材料' }).click();
      await dialog.waitFor({ state: 'detached' });
      const talk = page.getByTestId('development-records-talk');
      await talk.waitFor();
      expect(await talk.innerText()).toContain('谈话记录 · 党员档案 2025-031 第 2 页 · 2025-03-20');

      // Step 3 with its records sub-form: the recommendation ballots, suggested from the catalogue.
      dialog = await openDialog(page, page.getByRole('button', { name: '确定入党积极分子', exact: true }), (d) =>
        d.locator('input[name="on"]'),
      );
      await dialog.locator('input[name="on"]').fill('2025-09-01');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option', { name: '党员推荐' }).click();
      await dialog.getByRole('button', { name: '添加' }).click();
      expect(await suggestions(dialog)).toEqual(['推荐票', '推荐情况统计表', '支部委员会会议记录']);
      await dialog.locator('input[name="records.0.title"]').fill('推荐票');
      await dialog.locator('input[name="records.0.reference"]').fill('支部档案柜 A-3');
      await dialog.getByRole('button', { name: '记录' }).click();
      await dialog.waitFor({ state: 'detached' });
      const activist = page.getByTestId('development-records-activist');
      await activist.waitFor();
      expect(await activist.innerText()).toContain('推荐票 · 支部档案柜 A-3');
      await page.screenshot({ path: join(ARTIFACTS, 'development-records.png') });

      const row = await t.request('GET', `/development/cases/${caseId}`);
      expect(row.body.records.talk).toEqual([
        expect.objectContaining({
          title: '谈话记录',
          reference: '党员档案 2025-031 第 2 页',
          on: '2025-03-20',
          source: 'attached',
        }),
      ]);
      expect(row.body.records.activist).toEqual([
        expect.objectContaining({ title: '推荐票', reference: '支部档案柜 A-3', on: null, source: 'step' }),
      ]);
      const auditor = await t.login('auditor', DEMO_PASSWORD);
      expect((await t.requestAs(auditor, 'GET', `/development/cases/${caseId}`)).body.attachable).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the secretary submits an application and lands on the new case, not on a crash', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', DEMO_PASSWORD);
    try {
      await page.goto(`${base}/#/development/create`);
      await page.locator('input[name="name"]').fill('周新苗');
      await page.getByRole('combobox', { name: '性别' }).click();
      await page.getByRole('option', { name: '女' }).click();
      await page.locator('input[name="birthDate"]').fill('1996-03-08');
      await page.getByRole('combobox', { name: '所属党组织' }).fill('桥山中学党总支');
      await page.getByRole('option', { name: '桥山中学党总支' }).click();
      await page.getByRole('combobox', { name: '所在单位' }).fill(unitName);
      await page.getByRole('option', { name: unitName, exact: true }).click();
      await page.getByRole('button', { name: '保存' }).click();
      // The page react-admin opens shows the answer of the create as the case: it must be one.
      const stepper = page.getByTestId('development-stepper');
      await stepper.waitFor({ timeout: UI_WAIT });
      expect(page.url()).toMatch(/#\/development\/[0-9a-f-]{36}\/show$/);
      expect(await stepper.innerText()).toContain(today);
      await page.getByRole('button', { name: '党组织派人谈话', exact: true }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'development-applied.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('a step dialog whose only field is the pre-filled date is sent as it is', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      await page.goto(`${base}/#/development/${recentId}/show`);
      // Step 4's dialog has only today's date, pre-filled: 记录 sends it as it is.
      await page.getByRole('button', { name: '积极分子报上级党委备案', exact: true }).click({ timeout: UI_WAIT });
      const dialog = page.getByRole('dialog');
      const record = dialog.getByRole('button', { name: '记录' });
      await expect(record.isEnabled()).resolves.toBe(true);
      await record.click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('development-stepper').getByText(today).first().waitFor();
      expect((await t.request('GET', `/development/cases/${recentId}`)).body.steps.activistFiled).toBe(today);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  test('a step a date rule holds back says from when instead of a button; A8 reads 最早', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'dev-admin', PASSWORD);
    try {
      await page.goto(`${base}/#/development/${recentId}/show`);
      const earliest = addYears(daysAgo(60), 1);
      // A8: the earliest day to list the activist as a candidate, said as such (not as a deadline).
      const a8 = page.locator('li[data-code="A8"]');
      await a8.waitFor({ timeout: UI_WAIT });
      expect(await a8.innerText()).toContain(`最早 ${earliest}`);
      expect(await a8.innerText()).not.toContain('截止');

      // With contacts and an assessment, step 7 is next by order, but only a year after the activist.
      const contacts = (
        await t.request(
          'GET',
          `/members?filter=${encodeFilter({ orgId: (await t.request('GET', `/development/cases/${recentId}`)).body.orgId, category: 'full' })}`,
        )
      ).body.slice(0, 2) as { id: string }[];
      for (const [path, body] of [
        ['contacts', { on: daysAgo(50), contactIds: contacts.map((m) => m.id) }],
        ['assessments', { on: daysAgo(10), summary: '考察合格' }],
      ] as const)
        expect((await t.request('POST', `/development/cases/${recentId}/${path}`, body)).status).toBe(201);
      await page.reload();
      const upcoming = page.getByTestId('development-upcoming-candidate');
      await upcoming.waitFor({ timeout: UI_WAIT });
      expect(await upcoming.innerText()).toBe(`确定发展对象：最早 ${earliest} 可进行`);
      const stepSeven = page.getByTestId('development-stepper').locator('[data-step="candidate"]');
      expect(await stepSeven.innerText()).toContain(`最早 ${earliest}`);
      await expect(page.getByRole('button', { name: '确定发展对象', exact: true }).count()).resolves.toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'development-upcoming.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});
