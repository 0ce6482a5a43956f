import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../config.js';
import { firstStart } from '../../first-start.js';
import { createHttpApp } from '../../http-app.js';
import type { Feature } from '../feature.js';
import { deleteJobKeys } from '../jobs/job-queue.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { CLOCK, type Clock } from '../time/clock.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api */
  api: string;
  /** fetch() against the API with JSON in and out, as the administrator unless an Authorization header is given. */
  request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;
  /** The same, with the given bearer token (or none with `null`). */
  requestAs: (token: string | null, method: string, path: string, body?: unknown) => Promise<TestResponse>;
  /** Signs in and returns the token. */
  login: (username: string, password: string) => Promise<string>;
  /** Creates a user with one role through the API and returns its token. */
  userWithRole: (role: string, scope?: { orgIds?: string[]; unitIds?: string[] }) => Promise<string>;
  adminToken: string;
  close: () => Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-pass-2026';
export const USER_PASSWORD = 'user-pass-2026';

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}

/**
 * Starts the real application on a random port with its SQLite files in a fresh temporary
 * folder, the real Redis, and optionally a clock the test controls.
 */
export const startTestApp = async (
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    dataDir?: string;
    signIn?: boolean;
    /** Kernel providers to replace (as AppModule.forRoot's overrides), e.g. POLICIES. */
    overrides?: { token: symbol; value: unknown }[];
    /** Another list of features than src/features.ts (tests of the list's own checks). */
    features?: readonly Feature[];
  } = {},
): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'party-ledger-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SQLITE_SYNCHRONOUS: 'NORMAL',
    // Each test app has its own queue in the shared Redis; its keys are deleted when it closes.
    JOBS_PREFIX: `test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    LOG_LEVEL: 'error',
    // A folder of its own made here is removed at the end, its audit key and anchor with it (not apart
    // from the data as in production, where the key is kept beside DATA_DIR: nothing is left behind).
    ...(options.dataDir ? {} : { AUDIT_KEY_FILE: join(dataDir, 'keys', 'audit-ed25519.pem') }),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
  });
  const app = await createHttpApp(config, {
    logger: false,
    overrides: [...(options.clock ? [{ token: CLOCK, value: options.clock }] : []), ...(options.overrides ?? [])],
    features: options.features,
  }).catch((error: unknown) => {
    // Refused before anything opened (an inconsistent list of features): only the folder to remove.
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const cleanUp = async () => {
    await app.close();
    if (!options.env?.JOBS_PREFIX) await deleteJobKeys(config.redis.url, config.jobs.prefix);
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await app.init();
  } catch (error) {
    // A failed start (a test of a StartupError) must not leave the store, Redis or timers open.
    await cleanUp();
    throw error;
  }
  await firstStart(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const api = `http://127.0.0.1:${address.port}/api`;
  let adminToken = '';
  const raw = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const textBody = await response.text();
    let parsed: unknown = textBody;
    try {
      parsed = textBody ? JSON.parse(textBody) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed } as TestResponse;
  };
  const requestAs = (token: string | null, method: string, path: string, body?: unknown) =>
    raw(method, path, body, token ? { authorization: `Bearer ${token}` } : {});
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(method, path, body, { authorization: `Bearer ${adminToken}`, ...headers });
  const login = async (username: string, password: string) => {
    const response = await raw('POST', '/auth/login', { username, password });
    if (response.status !== 201) throw new Error(`login of ${username} failed: ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  };
  let users = 0;
  const userWithRole = async (role: string, scope: { orgIds?: string[]; unitIds?: string[] } = {}) => {
    const username = `${role.replace(/_/g, '-')}-${++users}`;
    const created = await request('POST', '/users', {
      username,
      displayName: username,
      password: USER_PASSWORD,
      role,
      ...scope,
    });
    if (created.status !== 201) throw new Error(`creating ${username} failed: ${JSON.stringify(created.body)}`);
    return login(username, USER_PASSWORD);
  };
  await app.get(ProjectionRunner).caughtUp();
  try {
    if (options.signIn !== false) adminToken = await login('admin', ADMIN_PASSWORD);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    app,
    config,
    api,
    request,
    requestAs,
    login,
    userWithRole,
    adminToken,
    close: cleanUp,
  };
};
