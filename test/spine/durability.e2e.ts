import { afterAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store.js';
import { verifyChain } from '../../src/core/event-store/hash-chain.js';
import { freePort, runNode, waitForOutput } from '../support/processes.js';

const PASSWORD = 'admin-pass-2026';

/** Starts the compiled app on `dataDir` (children are stopped after the file whatever happens: processes.ts). */
const start = async (dataDir: string, env: Record<string, string> = {}) => {
  const port = await freePort();
  const app = runNode('main.js', [], { DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false', ...env });
  await waitForOutput(app, 'is listening');
  return { app, api: `http://127.0.0.1:${port}/api` };
};

const signIn = async (api: string, password: string) => {
  const response = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
};

const kill9 = async ({ app }: Awaited<ReturnType<typeof start>>) => {
  app.child.kill('SIGKILL');
  expect(await app.exited).toBe('SIGKILL');
};

/** "Nothing lost": a command the API acknowledged is still there after kill -9. */
describe('durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('acknowledged units survive kill -9 of the server, with their hash chains intact', async () => {
    const first = await start(dataDir);
    expect(first.app.output()).toContain('First start: an administrator was created');
    // The first start prints the administrator's generated password: sign in with it.
    const password = /password: (\S+)/.exec(first.app.output())?.[1];
    expect(password).toBeDefined();
    const token = await signIn(first.api, password!);
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await fetch(`${first.api}/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: `民办学校${i}`, type: 'private_school' }),
      });
      expect(response.status).toBe(201);
      acknowledged.push(((await response.json()) as { id: string }).id);
    }
    await kill9(first);

    const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
    try {
      for (const id of acknowledged) {
        const events = await store.readStream(`unit-${id}`);
        expect(events.map((e) => e.type)).toEqual(['UnitRegistered']);
        expect(verifyChain(events).ok).toBe(true);
      }
    } finally {
      await store.close();
    }

    const second = await start(dataDir);
    // The administrator exists: no second one is made, no password printed again; the token still works.
    expect(second.app.output()).not.toContain('First start');
    const list = await fetch(`${second.api}/units?range=[0,99]`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.headers.get('content-range')).toBe('units 0-19/20');
  }, 600_000);
});

/**
 * Idempotency-Key across a crash: a key whose request died with the server (kill -9 under load) is
 * claimable by the retry after the restart, and the retry answers the command's result having run it
 * exactly once, whether the dead request had committed it (its answer lost) or not.
 */
describe('Idempotency-Key after kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-idem-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { INITIAL_ADMIN_PASSWORD: PASSWORD, SQLITE_SYNCHRONOUS: 'NORMAL' };

  const post = (api: string, token: string, key: string) =>
    fetch(`${api}/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ name: `学校-${key}`, type: 'private_school' }),
    });

  /** Per key: how many UnitRegistered events carry it as their command id. */
  const eventsPerKey = () => {
    const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare(
          `SELECT json_extract(metadata, '$.commandId') AS key, count(*) AS n FROM events
           WHERE type = 'UnitRegistered' GROUP BY key`,
        )
        .all() as { key: string; n: number }[];
      return new Map(rows.map((row) => [row.key, row.n]));
    } finally {
      db.close();
    }
  };

  const unfinishedKeys = () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT key FROM idempotency_keys WHERE status IS NULL').all() as { key: string }[]).map(
        (row) => row.key,
      );
    } finally {
      db.close();
    }
  };

  test('every key completes after the restart, once; an answer lost in the crash is answered again', async () => {
    const answered = new Map<string, string>();
    const keys: string[] = [];
    let committedButUnanswered = 0;
    // Kill the server in the middle of bursts of keyed writes until a crash caught at least one request
    // between its append and the storing of its answer (usually the first time).
    for (let cycle = 0; cycle < 4 && committedButUnanswered === 0; cycle++) {
      const server = await start(dataDir, env);
      const token = await signIn(server.api, PASSWORD);
      const before = [...eventsPerKey().values()].reduce((sum, n) => sum + n, 0);
      const burst = Array.from({ length: 40 }, (_, i) => `crash-${cycle}-${i}`);
      keys.push(...burst);
      const requests = burst.map((key) =>
        post(server.api, token, key)
          .then(async (response) => {
            if (response.status === 201) answered.set(key, ((await response.json()) as { id: string }).id);
          })
          .catch(() => undefined),
      );
      // Kill -9 as soon as a few of the burst's events are committed: others are still on their way.
      for (let waited = 0; waited < 60_000; waited += 10) {
        const committed = [...eventsPerKey().values()].reduce((sum, n) => sum + n, 0) - before;
        if (committed >= 3) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await kill9(server);
      await Promise.all(requests);
      const committed = eventsPerKey();
      committedButUnanswered = unfinishedKeys().filter((key) => committed.has(key)).length;
    }
    expect(committedButUnanswered).toBeGreaterThan(0);

    const server = await start(dataDir, env);
    const token = await signIn(server.api, PASSWORD);
    for (const key of keys) {
      const retry = await post(server.api, token, key);
      const body = (await retry.json()) as { id: string; code?: string };
      expect([key, retry.status, body.code]).toEqual([key, 201, undefined]);
      // A key answered before the crash answers the same again.
      if (answered.has(key)) expect([key, body.id]).toEqual([key, answered.get(key)]);
      const again = await post(server.api, token, key);
      expect([key, again.status, again.headers.get('idempotent-replayed')]).toEqual([key, 201, 'true']);
      expect(((await again.json()) as { id: string }).id).toBe(body.id);
    }
    // Each command happened exactly once, whichever moment the crash caught it at.
    const perKey = eventsPerKey();
    expect(keys.filter((key) => perKey.get(key) !== 1)).toEqual([]);
    const list = await fetch(`${server.api}/units?range=[0,0]`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.headers.get('content-range')).toBe(`units 0-0/${keys.length}`);
  }, 900_000);
});
