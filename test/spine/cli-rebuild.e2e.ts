import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { Jobs } from '../../src/core/jobs/jobs.module.js';
import { startTestApp } from '../../src/core/testing/test-app.js';
import { runNode } from '../support/processes.js';

/** `npm run cli -- rebuild <name|all>` resets a read model and replays the log into it. */
describe('cli rebuild', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const t = await startTestApp({ dataDir });
    for (const name of ['桥山中学', '城南学校', '东槐院小学'])
      await t.request('POST', '/units', { name, type: 'public_school' });
    // The policies' checkpoints too, for `projections` below.
    await t.app.get(Jobs).policyRunner!.waitFor(await t.app.get<EventStore>(EVENT_STORE).headPosition());
    await t.close();
  });

  const units = () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT name FROM units ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    } finally {
      db.close();
    }
  };

  test('rebuild all replays every event and reports progress', async () => {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    db.prepare("UPDATE units SET name = 'garbage'").run();
    db.close();
    const cli = runNode('cli.js', ['rebuild', 'all'], { DATA_DIR: dataDir });
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/units\s+\[█+\]\s+100% (\d+)\/\1 events/);
    expect(units()).toEqual(['东槐院小学', '城南学校', '桥山中学'].sort());
  });

  test('projections lists the read models and the policies with their stored checkpoints, no Redis needed', async () => {
    // The CLI runs nothing: the checkpoints come from the read-model file, where the app left them.
    const cli = runNode('cli.js', ['projections'], { DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await cli.exited).toBe(0);
    const output = cli.output();
    const row = (name: string) =>
      new RegExp(`'${name}'\\s*│\\s*(\\d+)\\s*│\\s*'(\\d+)'\\s*│\\s*(\\d+)\\s*│\\s*'([^']*)'`).exec(output);
    expect(output).toContain('Read models (projections):');
    expect(output).toContain('Policies (events → jobs):');
    const units = row('units');
    expect(units).not.toBeNull();
    expect([Number(units![2]) > 0, Number(units![3]), units![4]]).toEqual([true, 0, '']);
    const policy = row('probationary-membership');
    expect(policy).not.toBeNull();
    expect([Number(policy![2]) > 0, Number(policy![3]), policy![4]]).toEqual([true, 0, '']);
  });

  test('an unknown read model is refused with the known names', async () => {
    const cli = runNode('cli.js', ['rebuild', 'nonsense'], { DATA_DIR: dataDir });
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/Unknown read model "nonsense". Known: .*units.*, all/);
  });
});

describe('cli create-admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-cli-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('creates an administrator through the command and prints the password once; a taken name is refused', async () => {
    const cli = runNode('cli.js', ['create-admin', 'chen'], { DATA_DIR: dataDir });
    expect(await cli.exited).toBe(0);
    const password = /password: (\S+)/.exec(cli.output())?.[1];
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{16}$/);
    const t = await startTestApp({ dataDir, signIn: false });
    try {
      await expect(t.login('chen', password!)).resolves.toEqual(expect.any(String));
    } finally {
      await t.close();
    }
    const again = runNode('cli.js', ['create-admin', 'chen'], { DATA_DIR: dataDir });
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('用户名 chen 已被使用');
  });
});
