import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ProjectionRunner } from '../../src/core/projections/projection-runner.js';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { ARTIFACTS, ensureAdminBuilt, eventually, launchBrowser, signInAs, UI_WAIT } from '../admin/browser.js';

/**
 * Criticism notices in a real browser: bureau staff find the lagging units, tick one and draft a notice with
 * its facts carried over, and submit it; the administrator approves, issues it under a document number and
 * circulates it; the criticised unit's secretary sees it unread, acknowledges it and reports the
 * rectification with evidence; the administrator sees the acknowledgement progress, urges the rest and closes.
 */
describe('criticism notices in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const ids: Record<string, string> = {};
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `notices-${name}.png`), fullPage: true });
  const dialogButton = (page: Page, name: string) => page.getByRole('dialog').getByRole('button', { name });
  const notice = async () => (await t.request('GET', `/notices/${ids.notice}`)).body;

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    base = t.api.replace(/\/api$/, '');
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([response.status, response.body]).toEqual([201, expect.anything()]);
      return response.body.id as string;
    };
    ids.a = await post('/units', { name: '兴华学校', type: 'private_school' });
    ids.b = await post('/units', { name: '雏鹰学校', type: 'private_school' });
    ids.c = await post('/units', { name: '桥山中学', type: 'public_school' });
    ids.bureau = await post('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    ids.branch = await post('/party-organizations', {
      name: '兴华学校党支部',
      kind: 'party_branch',
      parentId: ids.bureau,
      unitIds: [ids.a],
      foundedOn: '2019-09-10',
    });
    for (const [username, role, scope] of [
      ['li-staff', 'bureau_staff', {}],
      ['zhao-secretary', 'secretary', { orgIds: [ids.branch] }],
    ] as const)
      expect(
        (
          await t.request('POST', '/users', {
            username,
            displayName: username,
            password: USER_PASSWORD,
            role,
            ...scope,
          })
        ).status,
      ).toBe(201);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const appended = await store.append(
      'bulletin-2026-2026-Q3',
      [
        {
          type: 'AssessmentBulletinPublished',
          data: {
            year: 2026,
            period: '2026-Q3',
            version: 1,
            publishedOn: '2026-10-15',
            ranking: [
              { unitId: ids.c, rank: 1, total: 3, gradeId: 'good' },
              { unitId: ids.b, rank: 2, total: 3, gradeId: 'average' },
              { unitId: ids.a, rank: 3, total: 3, gradeId: 'poor' },
            ],
            flaggedUnitIds: [ids.a],
          },
          metadata: {
            actorId: 'admin',
            actorRole: 'bureau_admin',
            commandId: 'bulletin-1',
            correlationId: 'bulletin-1',
            causationId: 'bulletin-1',
            occurredAt: '2026-10-15T02:00:00.000Z',
            unitIds: [ids.a, ids.b, ids.c],
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    await t.app.get(ProjectionRunner).waitFor(appended.position);
    // The secretary's evidence on file, to cite in the rectification report.
    const secretary = await t.login('zhao-secretary', USER_PASSWORD);
    const form = new FormData();
    for (const [key, value] of Object.entries({
      subjectFeature: 'notices',
      subjectKind: 'criticism-notice',
      subjectId: 'rectification',
      orgId: ids.branch,
      year: '2026',
      category: 'norm_org_life',
      title: '整改专题组织生活会记录',
      on: '2026-11-20',
    }))
      form.append(key, value);
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), '整改记录.pdf');
    const uploaded = await fetch(`${t.api}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretary}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('bureau staff find the lagging units and draft a notice with their facts, then submit it', async () => {
    const { context, page } = await signInAs(browser, base, 'li-staff', USER_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '通报批评' }).click();
      await page.getByRole('link', { name: '后进单位' }).click();
      const rows = page.getByTestId('lagging-unit');
      await rows.first().waitFor({ timeout: UI_WAIT });
      await expect(rows.count()).resolves.toBe(3);
      await page.getByText('2026-Q3 季通报排名第 3/3（倒数三名）').waitFor();
      await page.getByText('2026-Q3 考核等次为“poor”，低于设定档次').waitFor();
      await shot(page, '1-suggestions');
      // The bureau's thresholds: obligations overdue by more than 10 days instead of 30.
      await page.getByRole('button', { name: '设置' }).click();
      await page.getByRole('dialog').locator('input[name="overdueDays"]').fill('10');
      await shot(page, '1-settings');
      await dialogButton(page, '保存').click();
      await page.getByText('设置已保存').waitFor({ timeout: UI_WAIT });
      expect((await t.request('GET', '/notices/settings')).body).toMatchObject({
        overdueDays: 10,
        lowGradeIds: ['poor'],
      });
      await page.getByRole('checkbox', { name: '兴华学校' }).check();
      await page.getByRole('button', { name: '起草通报（已选 1 个单位）' }).click();
      await page.locator('input[name="title"]').fill('关于对兴华学校党建工作不力的通报');
      await page.locator('textarea[name="reason"]').fill('2026年第三季度党建考核排名末位，考核等次为差');
      await expect(page.locator('input[name="facts.0.text"]').inputValue()).resolves.toContain('倒数三名');
      await shot(page, '2-draft');
      await page.getByRole('button', { name: '保存' }).click();
      await page
        .getByTestId('notice-status')
        .filter({ hasText: '草稿' })
        .waitFor({ timeout: 15_000 })
        .catch(async (e) => {
          await shot(page, 'x-save');
          throw e;
        });
      ids.notice = page.url().split('/').at(-2)!;
      const drafted = await notice();
      expect(drafted).toMatchObject({ unitIds: [ids.a], draftedBy: 'li-staff' });
      expect(drafted.facts.map((f: { kind: string }) => f.kind)).toEqual(['bulletin', 'grade']);
      // The draft's words are edited in a dialog, guarded by the revision the page shows.
      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByRole('dialog').locator('input[name="title"]').fill('关于对兴华学校党建工作不力的通报（修改稿）');
      await dialogButton(page, '编辑').click();
      await page.getByText('草稿已修改').waitFor({ timeout: UI_WAIT });
      expect((await notice()).title).toBe('关于对兴华学校党建工作不力的通报（修改稿）');
      await page.getByRole('button', { name: '提交审批' }).click();
      await page.getByTestId('notice-status').filter({ hasText: '待审批' }).waitFor({ timeout: UI_WAIT });
      await shot(page, '3-submitted');
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the administrator approves, issues with a document number and circulates to every unit', async () => {
    const { context, page } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await page.goto(`${base}/#/criticism-notices/${ids.notice}/show`);
      await page.getByRole('button', { name: '审批通过' }).click();
      await dialogButton(page, '审批通过').click();
      await page.getByTestId('notice-status').filter({ hasText: '已审批' }).waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '印发' }).click();
      await page.getByRole('dialog').locator('input[name="documentNumber"]').fill('蒲教党发〔2025〕3号');
      await page.getByRole('dialog').locator('input[name="issuedOn"]').fill('2026-11-02');
      await dialogButton(page, '印发').click();
      // The server's rule, shown under the field: the year must be the year of issue.
      await page.getByRole('dialog').getByText('文号中的年份', { exact: false }).waitFor({ timeout: UI_WAIT });
      await page.getByRole('dialog').locator('input[name="documentNumber"]').fill('蒲教党发〔2026〕3号');
      await dialogButton(page, '印发').click();
      await page.getByTestId('notice-status').filter({ hasText: '已印发' }).waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '下发各单位' }).click();
      // Circulated on 2 November: the first urging (3 working days later) is past, so the job urges at once.
      await page.getByRole('dialog').locator('input[name="circulatedOn"]').fill('2026-11-02');
      await dialogButton(page, '下发各单位').click();
      await page
        .getByTestId('acknowledgement-count')
        .filter({ hasText: '已签收 0 / 3 个单位' })
        .waitFor({ timeout: UI_WAIT });
      await shot(page, '4-circulated');
      expect(await notice()).toMatchObject({
        status: 'circulated',
        documentNumber: '蒲教党发〔2026〕3号',
        acknowledgeBy: '2026-11-05',
      });
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the secretary sees it unread, acknowledges and reports the rectification with evidence', async () => {
    const { context, page } = await signInAs(browser, base, 'zhao-secretary', USER_PASSWORD);
    try {
      await eventually(
        'the unread dot shows',
        async () => (await page.getByTestId('notice-unread-badge').getAttribute('data-unread')) === '1',
      );
      await page.locator('.RaMenuItemLink-root', { hasText: '待阅通报' }).click();
      await page.getByTestId('notice-unread-count').filter({ hasText: '未签收 1 份' }).waitFor({ timeout: UI_WAIT });
      await page.getByText('关于对兴华学校党建工作不力的通报').waitFor();
      await shot(page, '5-inbox');
      await page.getByRole('button', { name: '签收', exact: true }).click();
      await page.getByTestId('notice-unread-count').filter({ hasText: '未签收 0 份' }).waitFor({ timeout: UI_WAIT });
      await page.getByRole('button', { name: '报送整改报告' }).click();
      await page.getByRole('dialog').locator('textarea[name="report"]').fill('召开专题组织生活会，补齐三会一课记录');
      await page.getByRole('dialog').getByText('整改专题组织生活会记录', { exact: false }).click();
      await shot(page, '6-rectification');
      await dialogButton(page, '报送整改报告').click();
      await page.getByText('被通报 · 已报送').waitFor({ timeout: UI_WAIT });
      await shot(page, '7-reported');
      const after = await notice();
      expect(after.rectifications[0]).toMatchObject({
        unitId: ids.a,
        status: 'reported',
        evidenceIds: [expect.any(String)],
      });
    } finally {
      await context.close();
    }
  }, 300_000);

  test('the administrator sees the progress, urges those who have not acknowledged, and closes', async () => {
    const { context, page } = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      await page.goto(`${base}/#/criticism-notices/${ids.notice}/show`);
      await page
        .getByTestId('acknowledgement-count')
        .filter({ hasText: '已签收 1 / 3 个单位' })
        .waitFor({ timeout: UI_WAIT });
      await expect(page.getByTestId('pending-units').innerText()).resolves.toMatch(
        /雏鹰学校[\s\S]*桥山中学|桥山中学[\s\S]*雏鹰学校/,
      );
      // Round 1 was the scheduled job's (the first urging day was past at circulation); the button urges round 2.
      await page.getByTestId('pending-units').getByText('已催办 1 次', { exact: false }).first().waitFor();
      await page.getByRole('button', { name: '催办' }).click();
      await page
        .getByTestId('pending-units')
        .getByText('已催办 2 次', { exact: false })
        .first()
        .waitFor({ timeout: UI_WAIT });
      await shot(page, '8-urged');
      await page.getByRole('button', { name: '办结' }).click();
      await dialogButton(page, '办结').click();
      await page.getByTestId('notice-status').filter({ hasText: '已办结' }).waitFor({ timeout: UI_WAIT });
      await shot(page, '9-closed');
      const closed = await notice();
      expect(closed.status).toBe('closed');
      const steps = closed.history.map((h: { type: string }) => h.type);
      expect(steps.filter((type: string) => type !== 'NoticeUrged')).toEqual([
        'NoticeDrafted',
        'NoticeEdited',
        'NoticeSubmitted',
        'NoticeApproved',
        'CriticismNoticeIssued',
        'NoticeCirculated',
        'NoticeAcknowledged',
        'RectificationReported',
        'NoticeClosed',
      ]);
      expect(
        closed.history
          .filter((h: { type: string }) => h.type === 'NoticeUrged')
          .map((h: { actorId: string }) => h.actorId),
      ).toEqual(['system', 'admin']);
    } finally {
      await context.close();
    }
  }, 300_000);
});
