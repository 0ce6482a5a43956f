import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type AppConfig } from '../../config.js';
import { createHttpApp } from '../../http-app.js';
import { CLOCK, type Clock } from '../time/clock.js';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api */
  api: string;
  /** fetch() against the API with JSON in and out. */
  request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;
  close: () => Promise<void>;
}

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
  options: { clock?: Clock; env?: Record<string, string>; dataDir?: string } = {},
): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'party-ledger-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    SQLITE_SYNCHRONOUS: 'NORMAL',
    BULLMQ_PREFIX: `test-${process.pid}-${Date.now()}`,
    LOG_LEVEL: 'error',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...options.env,
  });
  const app = await createHttpApp(config, {
    logger: false,
    overrides: options.clock ? [{ token: CLOCK, value: options.clock }] : [],
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const api = `http://127.0.0.1:${address.port}/api`;
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
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
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    app,
    config,
    api,
    request,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
