import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ADMIN_DIST } from '../../src/http-app.js';
import { chromiumExecutable } from '../support/chromium.js';
import { ROOT } from '../support/processes.js';

/** Helpers shared by the admin's browser tests (admin.e2e.ts, roster.e2e.ts). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/**
 * How long a browser test waits for something to show. Generous on purpose: on a busy machine (CI on 2 cores
 * beside other work) a page can take many seconds; a test must never depend on an idle machine.
 */
export const UI_WAIT = 60_000;

/**
 * Waits until `check` holds (a list refetched after a filter, say), polling; throws with `what` after
 * `timeoutMs`. For conditions a single locator cannot wait for.
 */
export const eventually = async (what: string, check: () => Promise<boolean>, timeoutMs = UI_WAIT): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * The server's files the admin imports (each feature's events file with its labels, the role matrix, the
 * steps): a change there changes the bundle too.
 */
const serverFilesTheAdminImports = (): string[] => {
  const admin = join(ROOT, 'admin', 'src');
  const files = readdirSync(admin, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  const imported = files.flatMap((file) =>
    [...readFileSync(join(admin, file), 'utf8').matchAll(/from '((?:\.\.\/)+src\/[^']+?)(?:\.js)?'/g)].map((m) =>
      resolve(admin, dirname(file), `${m[1]}.ts`),
    ),
  );
  return [...new Set(imported)].filter((path) => existsSync(path));
};

/**
 * The app serves admin/dist. Root `pretest` builds only the API, so build the admin here when
 * admin/dist is missing or older than its sources, rather than test yesterday's bundle.
 */
export const ensureAdminBuilt = () => {
  const sources = [
    join(ROOT, 'admin', 'src'),
    join(ROOT, 'admin', 'index.html'),
    join(ROOT, 'admin', 'vite.config.ts'),
    ...serverFilesTheAdminImports(),
  ];
  const newest = Math.max(
    ...sources.flatMap((path) =>
      statSync(path).isDirectory()
        ? readdirSync(path, { recursive: true }).map((file) => statSync(join(path, String(file))).mtimeMs)
        : [statSync(path).mtimeMs],
    ),
  );
  const built = join(ADMIN_DIST, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  execFileSync('npm', ['run', 'build', '-w', 'admin'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
};

export const launchBrowser = async (): Promise<Browser> =>
  chromium.launch({
    executablePath: await chromiumExecutable(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });

/**
 * A fresh browser context per user (its own localStorage, so no session or locale leaks), signed
 * in through the login page, on a dashboard that loaded without a page error.
 */
export const signInAs = async (
  browser: Browser,
  base: string,
  username: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  context.setDefaultTimeout(UI_WAIT);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${base}/#/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-dashboard="ready"]').waitFor({ timeout: UI_WAIT });
  expect(problems).toEqual([]);
  return { context, page, problems };
};

/** The resources in the menu, without the dashboard entry. */
export const menuLabels = async (page: Page) =>
  (await page.locator('.RaMenuItemLink-root').allInnerTexts())
    .map((label) => label.trim())
    .filter((label) => label !== '工作台' && label !== 'Dashboard')
    .sort();

/** The menu settles once react-admin has asked canAccess for each resource: wait for exactly `expected`. */
export const expectMenu = async (page: Page, expected: string[]) => {
  const wanted = [...expected].sort();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && JSON.stringify(await menuLabels(page)) !== JSON.stringify(wanted)) {
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(200); // a late item would show up now
  expect(await menuLabels(page)).toEqual(wanted);
};

/**
 * Opens the dialog behind `opener` and returns it once `ready` (a field inside it) is visible. A click that
 * lands while the page refetches after the previous command (its button re-mounted) or while the previous
 * dialog is still fading out opens nothing, so wait for the old dialog to go and click again until it opens.
 */
export const openDialog = async (
  page: Page,
  opener: Locator,
  ready: (dialog: Locator) => Locator,
): Promise<Locator> => {
  const dialog = page.getByRole('dialog');
  const deadline = Date.now() + UI_WAIT;
  await dialog.first().waitFor({ state: 'hidden', timeout: UI_WAIT });
  for (;;) {
    await opener.click();
    try {
      await ready(dialog).waitFor({ state: 'visible', timeout: 5_000 });
      return dialog;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (await dialog.count()) await page.keyboard.press('Escape');
      await dialog.first().waitFor({ state: 'hidden', timeout: UI_WAIT });
    }
  }
};
