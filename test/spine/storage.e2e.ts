import { afterAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitWithin, freePort, runNode, stopChildren, waitForOutput } from '../support/processes.js';

const PASSWORD = 'admin-pass-2026';

const start = async (dataDir: string) => {
  const port = await freePort();
  const app = runNode('main.js', [], {
    DATA_DIR: dataDir,
    PORT: String(port),
    SEED_DEMO: 'false',
    INITIAL_ADMIN_PASSWORD: PASSWORD,
  });
  await waitForOutput(app, 'is listening');
  const api = `http://127.0.0.1:${port}/api`;
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const registerUnit = (name: string) =>
    fetch(`${api}/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name, type: 'private_school' }),
    });
  const health = async () => {
    const response = await fetch(`${api}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { app, registerUnit, health };
};

/** Fills the file system holding `dir` to the last byte; returns the filler to delete. */
const fill = (dir: string): string => {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (let size = chunk.length; size > 0;) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size = size >> 1; // the last blocks, down to a byte
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
};

/**
 * A small tmpfs as the data folder: a disk that really fills up. Mounting needs root (CI and this
 * machine run as root); where it is refused these tests are skipped, saying why.
 */
const mounts: string[] = [];
const mountTmpfs = (size: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'party-ledger-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  mounts.push(dir);
  return dir;
};
const mountRefused = (() => {
  try {
    mountTmpfs('1m');
    return null;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || String(error);
  }
})();
if (mountRefused) console.warn(`storage.e2e: the full-disk tests are skipped: cannot mount a tmpfs (${mountRefused})`);
const withTmpfs = mountRefused ? describe.skip : describe;

afterAll(async () => {
  await stopChildren(); // nothing may hold a file on a mount being taken away
  for (const dir of mounts) {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

withTmpfs('a data folder on a disk that fills up (tmpfs)', () => {
  test('writes answer 503 store.unwritable and health says so; both recover by themselves when space returns', async () => {
    const dataDir = mountTmpfs('16m');
    const { registerUnit, health } = await start(dataDir);
    expect((await registerUnit('城南学校')).status).toBe(201);
    const head = (await health()).body.eventStore.head;

    const filler = fill(dataDir);
    const refused = await registerUnit('兴华学校');
    const body = (await refused.json()) as { code: string; messages: { zh: string; en: string } };
    expect([refused.status, body.code]).toEqual([503, 'store.unwritable']);
    expect(body.messages.zh).toContain('磁盘已满');
    expect(refused.headers.get('retry-after')).toBe('30');
    const full = await health();
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({
      status: 'unwritable',
      eventStore: { head },
      store: { writable: false, problem: 'full', dataDir },
    });

    rmSync(filler);
    const recovered = await health();
    expect([recovered.status, recovered.body.status, recovered.body.store.writable]).toEqual([200, 'ok', true]);
    expect((await registerUnit('兴华学校')).status).toBe(201);
  }, 300_000);

  test('a start on a disk with too little free space stops with a message naming DATA_DIR, not a stack trace', async () => {
    const dataDir = mountTmpfs('2m');
    const app = runNode('main.js', [], { DATA_DIR: dataDir, PORT: '0', SEED_DEMO: 'false' });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain(`DATA_DIR ${dataDir} has only`);
    expect(app.output()).toContain('空间不足');
    expect(app.output()).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  }, 300_000);
});

describe('SQLite shared memory that cannot be used', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-shm-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a -shm file cut short under the running app ends the process (SIGBUS) instead of spinning on it', async () => {
    const { app, registerUnit } = await start(dataDir);
    // What a disk that cannot supply the -shm pages does to SQLite's mapping of it: the next write faults.
    truncateSync(join(dataDir, 'events.sqlite-shm'), 0);
    void registerUnit('城南学校').catch(() => undefined);
    expect(await exitWithin(app, 60_000)).toBe('SIGBUS');
  }, 300_000);
});
