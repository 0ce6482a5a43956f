import { afterAll, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/processes.js';

/**
 * The WAL checkpointer runs on a worker thread, which only the compiled app has (`npm test` builds it
 * first), so this drives the compiled module from a node process of its own.
 */
const dir = mkdtempSync(join(tmpdir(), 'party-ledger-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `commits` one-page commits under a checkpointer started with `options`; what the script saw. */
const drive = (name: string, commits: number, awaited: number, options: Record<string, number>) => {
  const script = join(dir, `${name}.mjs`);
  const module = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  writeFileSync(
    script,
    `import Database from ${module('node_modules/better-sqlite3/lib/index.js')};
     import { statSync } from 'node:fs';
     import { WalCheckpointer } from ${module('dist/core/wal-checkpointer.js')};
     const file = ${JSON.stringify(join(dir, `${name}.sqlite`))};
     const db = new Database(file);
     db.pragma('journal_mode = WAL');
     db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
     const checkpointer = WalCheckpointer.start(db, ${JSON.stringify(options)});
     const during = db.pragma('wal_autocheckpoint', { simple: true });
     const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
     for (let i = 0; i < ${commits}; i++) insert.run(Buffer.alloc(4000, i % 256));
     const deadline = Date.now() + 10000;
     while (statSync(file).size < ${awaited} * 4000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
     const copied = statSync(file).size;
     await checkpointer.stop();
     const after = db.pragma('wal_autocheckpoint', { simple: true });
     const rows = db.prepare('SELECT count(*) AS n FROM t').get().n;
     db.close();
     console.log(JSON.stringify({ started: checkpointer !== null, during, copied, after, rows }));
     process.exitCode = 3;`,
  );
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
  // The exit code set after stop() survives it: the stopping worker keeps the process alive until it exits.
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 3, stderr: '' });
  return JSON.parse(run.stdout.trim()) as Record<string, number | boolean>;
};

test('a worker thread copies the WAL into the database once it grew by enough frames, while the writer commits without checkpointing; stop hands checkpoints back', () => {
  // 3,000 one-page commits: SQLite alone would checkpoint inside the commit every 1,000 pages. The delay is
  // out of reach, so only the WAL's growth can set the worker off.
  // Every 500 frames, all but the last few hundred reach the database (the WAL is truncated when it starts
  // over, so its size counts the frames waiting).
  const result = drive('by-frames', 3000, 2500, { pollMs: 20, frames: 500, maxDelayMs: 600_000 });
  expect(result).toMatchObject({ started: true, during: 16_000, after: 1000, rows: 3000 });
  expect(result.copied).toBeGreaterThanOrEqual(2500 * 4000);
});

test('a few frames are copied once they have waited the delay', () => {
  const result = drive('by-delay', 20, 20, { pollMs: 20, frames: 1_000_000, maxDelayMs: 300 });
  expect(result).toMatchObject({ started: true, rows: 20 });
  expect(result.copied).toBeGreaterThanOrEqual(20 * 4000);
});
