import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from '../../src/core/jobs/redis.js';
import { freePort, runNode, waitForOutput } from '../support/processes.js';

/**
 * Start-up against bad configuration: a clear message and a non-zero exit, never a stack trace;
 * and the Redis rules of architecture.md ("What runs where").
 */
describe('start-up (the compiled app as a process)', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-start-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const failsWith = async (env: Record<string, string>, ...expected: (string | RegExp)[]) => {
    const app = runNode('main.js', [], { SEED_DEMO: 'false', PORT: '0', ...env });
    expect(await app.exited).toBe(1);
    for (const text of expected) expect(app.output()).toMatch(text);
    expect(app.output()).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    return app.output();
  };

  test('an unknown EVENT_STORE names the variable and the allowed values', async () => {
    await failsWith({ EVENT_STORE: 'oracle', DATA_DIR: tempDir() }, 'EVENT_STORE', /sqlite.*eventstoredb.*memory/);
  });

  test('eventstoredb without a connection string says what to set', async () => {
    await failsWith({ EVENT_STORE: 'eventstoredb', DATA_DIR: tempDir() }, 'EVENTSTORE_CONNECTION_STRING');
  });

  test('an unwritable DATA_DIR is named', async () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    await failsWith({ DATA_DIR: join(file, 'data') }, 'DATA_DIR', 'not writable');
  });

  test('a corrupt event store file is reported, not thrown', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'events.sqlite'),
      'this is not a database, just text that is long enough to matter'.repeat(100),
    );
    await failsWith({ DATA_DIR: dir }, 'events.sqlite', 'not a readable SQLite database');
  });

  test('no Redis and none to start: exit naming the three ways to get one', async () => {
    const port = await freePort();
    await failsWith(
      { DATA_DIR: tempDir(), REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_AUTOSTART: 'false' },
      `redis://127.0.0.1:${port}`,
      'apt install redis-server',
      'brew install redis',
      'docker compose up -d redis',
    );
  });

  test('no Redis at a local URL but redis-server on PATH: starts a private one under DATA_DIR and says so', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const app = runNode('main.js', [], {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
    });
    try {
      await waitForOutput(app, 'is listening');
      expect(app.output()).toContain('started a private redis-server');
      expect(app.output()).toContain(join(dataDir, 'redis'));
      const apiPort = /listening on http:\/\/localhost:(\d+)/.exec(app.output())?.[1];
      expect(apiPort).toBeDefined();
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    // The private Redis belongs to the app: it stops when the app stops.
    expect(await redisAnswers(`redis://127.0.0.1:${port}`, 300)).toBe(false);
  });
});
