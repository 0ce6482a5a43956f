import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { tinyPdf } from '../../src/evidence/demo-files.js';
import { seedSchoolBranch } from '../support/roster.js';
import { ARTIFACTS, ensureAdminBuilt, launchBrowser, signInAs, UI_WAIT } from './browser.js';

/**
 * The archive browser in a real browser: a branch secretary uploads a PDF (the upload's progress bar shows
 * while a throttled network carries it) and sees it filed under its category; a file of a type not
 * accepted is refused with the server's message; the bureau downloads the organisation's year as a zip.
 */
describe('evidence archive browser in Chromium (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const ids: Record<string, string> = {};
  const files = join(tmpdir(), `party-ledger-evidence-${process.pid}`);
  const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4);

  beforeAll(async () => {
    ensureAdminBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(files, { recursive: true });
    t = await startTestApp({ env: { INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    base = t.api.replace(/\/api$/, '');
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    Object.assign(ids, await seedSchoolBranch(post, { school: '桥山中学' }));
    const secretary = await t.request('POST', '/users', {
      username: 'secretary-qiaoshan',
      displayName: '桥山中学书记',
      password: USER_PASSWORD,
      role: 'secretary',
      orgIds: [ids.branch],
    });
    expect(secretary.status).toBe(201);
    // Big enough that a throttled upload takes a moment: the progress bar must be seen.
    writeFileSync(
      join(files, '2026年帮扶工作书面总结.pdf'),
      Buffer.concat([tinyPdf('书面总结', 'summary'), Buffer.alloc(1_500_000, 0x20)]),
    );
    writeFileSync(join(files, '脚本.pdf'), '#!/bin/sh\necho not a pdf\n');
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a secretary uploads with progress and sees the file; a disallowed type is refused; the bureau gets the zip', async () => {
    const { context, page, problems } = await signInAs(browser, base, 'secretary-qiaoshan', USER_PASSWORD);
    try {
      await page.locator('.RaMenuItemLink-root', { hasText: '印证资料' }).click();
      await page.getByRole('table', { name: '印证资料档案' }).waitFor();
      expect(await page.getByTestId('archive-ready').innerText()).toContain('尚缺');

      const network = await context.newCDPSession(page);
      await network.send('Network.enable');
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 500_000,
      });
      await page.getByRole('textbox', { name: '标题' }).fill('桥山中学年度帮扶书面总结');
      await page.getByTestId('evidence-file').setInputFiles(join(files, '2026年帮扶工作书面总结.pdf'));
      await page.getByRole('button', { name: '上传', exact: true }).click();
      await page.getByTestId('upload-progress').waitFor({ timeout: UI_WAIT });
      await page.screenshot({ path: join(ARTIFACTS, 'evidence-upload-progress.png') });
      await page.getByText('已上传：2026年帮扶工作书面总结.pdf').waitFor({ timeout: UI_WAIT });
      await network.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const row = page.locator('tr[data-category="year-end-summary"]');
      await row.getByText('2026年帮扶工作书面总结.pdf').waitFor();
      expect(await row.innerText()).toContain('已归档');

      await page.getByTestId('evidence-file').setInputFiles(join(files, '脚本.pdf'));
      await page.getByRole('button', { name: '上传', exact: true }).click();
      const error = page.getByTestId('upload-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('不支持该文件类型');
      await page.screenshot({ path: join(ARTIFACTS, 'evidence-secretary.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    const bureau = await signInAs(browser, base, 'admin', ADMIN_PASSWORD);
    try {
      const { page } = bureau;
      await page.goto(`${base}/#/evidence?orgId=${ids.branch}&year=${year}`);
      await page.getByRole('table', { name: '印证资料档案' }).getByText('2026年帮扶工作书面总结.pdf').waitFor();
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/zip')),
        page.waitForEvent('download'),
        page.getByRole('button', { name: '打包下载（zip）' }).click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('application/zip');
      expect(response.headers()['content-disposition']).toContain("filename*=UTF-8''");
      expect(download.suggestedFilename()).toBe(`桥山中学党支部-${year}年印证资料.zip`);
      const zip = readFileSync((await download.path())!);
      expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      expect(zip.includes(Buffer.from('年度书面总结/2026年帮扶工作书面总结.pdf', 'utf8'))).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'evidence-bureau.png') });
      expect(bureau.problems).toEqual([]);
    } finally {
      await bureau.context.close();
    }
  }, 180_000);
});
