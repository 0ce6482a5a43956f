import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store.js';
import { verifyChain } from '../../src/core/event-store/hash-chain.js';
import { freePort, runNode, waitForOutput } from '../support/processes.js';

/** "Nothing lost": a command the API acknowledged is still there after kill -9. */
describe('durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = async () => {
    const port = await freePort();
    const app = runNode('main.js', [], { DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'false' });
    await waitForOutput(app, 'is listening');
    return { app, api: `http://127.0.0.1:${port}/api` };
  };

  /** The first start prints the administrator's generated password: sign in with it. */
  const signInFromLog = async (api: string, log: string) => {
    const password = /password: (\S+)/.exec(log)?.[1];
    expect(password).toBeDefined();
    const response = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { token: string }).token;
  };

  test('acknowledged units survive kill -9 of the server, with their hash chains intact', async () => {
    const first = await start();
    expect(first.app.output()).toContain('First start: an administrator was created');
    const token = await signInFromLog(first.api, first.app.output());
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
    first.app.child.kill('SIGKILL');
    expect(await first.app.exited).toBe('SIGKILL');

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

    const second = await start();
    try {
      // The administrator exists: no second one is made, no password printed again; the token still works.
      expect(second.app.output()).not.toContain('First start');
      const list = await fetch(`${second.api}/units?range=[0,99]`, { headers: { authorization: `Bearer ${token}` } });
      expect(list.headers.get('content-range')).toBe('units 0-19/20');
    } finally {
      second.app.child.kill('SIGTERM');
      await second.app.exited;
    }
  });
});
