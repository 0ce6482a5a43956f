import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/processes.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A failing test leaves no process behind: the children it started are stopped after its file. */
describe('processes the tests start', () => {
  test('a test that fails with its server running leaves no server behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-abandon-'));
    const pidFile = join(dir, 'pid');
    try {
      const jest = spawn(
        process.execPath,
        [
          '--experimental-vm-modules',
          join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--testMatch',
          '**/test/support/fixtures/abandons-server.fixture.ts',
        ],
        {
          cwd: ROOT,
          env: { ...process.env, ABANDONED_PID_FILE: pidFile, ABANDONED_DATA_DIR: join(dir, 'data') },
          stdio: 'ignore',
        },
      );
      // A child left running also keeps that jest from ending: wait for it, but not forever.
      const code = await new Promise((resolve) => {
        jest.on('exit', resolve);
        setTimeout(() => resolve('still running'), 120_000).unref();
      });
      const pid = Number(readFileSync(pidFile, 'utf8'));
      const stillThere = alive(pid);
      // Whatever happened, leave nothing to the next test either.
      jest.kill('SIGKILL');
      if (stillThere) process.kill(pid, 'SIGKILL');
      expect([code, stillThere]).toEqual([1, false]); // the fixture's test failed, and its server is gone
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
