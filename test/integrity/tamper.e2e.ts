import { afterAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { newEvent } from '../../src/core/event-store/event-store.contract.js';
import { hashStoredText, logLink, UNKEYED_LOG } from '../../src/core/event-store/hash-chain.js';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store.js';
import { loadOrCreateAuditKey } from '../../src/core/integrity/audit-key.js';
import { CheckpointTable } from '../../src/core/integrity/checkpoints.js';
import { Integrity, integrityPaths, type IntegrityReport } from '../../src/core/integrity/integrity.js';
import { systemClock } from '../../src/core/time/clock.js';
import { runNode } from '../support/processes.js';

/**
 * Tampering with the SQLite file directly, as someone who can write the data folder but does not hold the
 * audit key (kept in ../keys beside it): `npm run cli -- verify` must name each alteration.
 *
 * Every log: streams unit-a, unit-b, unit-c with 4 events each, interleaved (position 1 = a0, 2 = b0,
 * 3 = c0, 4 = a1, 5 = b1 …, 12 = c3), a signed checkpoint at 12, then a4 (13) and b4 (14) after it.
 */
const root = mkdtempSync(join(tmpdir(), 'party-ledger-tamper-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let cases = 0;
const makeLog = async () => {
  const dir = join(root, `case-${++cases}`);
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir });
  const paths = integrityPaths(config);
  const key = loadOrCreateAuditKey(paths.keyFile);
  const store = new SqliteEventStore({ file: config.eventStore.sqliteFile, logKey: key.logKey });
  for (let revision = 0; revision < 4; revision++)
    for (const stream of ['unit-a', 'unit-b', 'unit-c'])
      await store.append(stream, [newEvent('Tested', { stream, revision, text: '三会一课' })], 'any');
  const table = new CheckpointTable(paths.checkpointFile);
  const { written } = await new Integrity(store, { key }, table, paths.anchorFile, systemClock).checkpoint();
  expect(written?.checkpoint.position).toBe('12');
  await store.append('unit-a', [newEvent('Tested', { stream: 'unit-a', revision: 4 })], 3);
  await store.append('unit-b', [newEvent('Tested', { stream: 'unit-b', revision: 4 })], 3);
  table.close();
  await store.close();
  const exported = join(dir, 'exported-checkpoint.json');
  writeFileSync(exported, JSON.stringify(written));
  return { dataDir, file: config.eventStore.sqliteFile, anchorFile: paths.anchorFile!, exported };
};

/** Runs the SQL with the file's own connection, as a person with sqlite3 at hand would. */
const tamper = (file: string, change: (db: Database.Database) => void) => {
  const db = new Database(file);
  try {
    db.transaction(() => change(db))();
  } finally {
    db.close();
  }
};

/**
 * `verify --json`, run twice at once: walking the log in one thread, and hashing in two worker threads
 * (what a large log gets); both must find the same.
 */
const verify = async (dataDir: string, ...args: string[]) => {
  const run = async (env: Record<string, string>) => {
    const cli = runNode('cli.js', ['verify', '--json', ...args], { DATA_DIR: dataDir, ...env });
    const code = await cli.exited;
    const output = cli.output();
    const report = JSON.parse(output.slice(output.indexOf('{'))) as IntegrityReport;
    const where = report.problems.map(({ kind, stream, revision, position }) => ({ kind, stream, revision, position }));
    return { code, report, where };
  };
  const [sequential, parallel] = await Promise.all([run({}), run({ VERIFY_PARALLEL_FROM: '1' })]);
  expect(parallel.where).toEqual(sequential.where);
  expect(parallel.code).toBe(sequential.code);
  return sequential;
};

type Row = {
  position: number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string | null;
  hash: string;
};

/** What an attacker without the key can do: recompute the stream hashes from `position` on, and the log hashes under the public unkeyed key. */
const reseal = (db: Database.Database, fromPosition: number) => {
  const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
  const heads = new Map<string, string>();
  let logHash: string | null = null;
  for (const row of rows) {
    if (row.position >= fromPosition) {
      const prevHash = heads.get(row.stream) ?? null;
      const hash = hashStoredText({ ...row, prevHash }, row.data, row.metadata);
      logHash = logLink(UNKEYED_LOG, logHash, row.position, hash);
      db.prepare('UPDATE events SET prev_hash = ?, hash = ?, log_hash = ? WHERE position = ?').run(
        prevHash,
        hash,
        logHash,
        row.position,
      );
      heads.set(row.stream, hash);
    } else {
      heads.set(row.stream, row.hash);
      logHash =
        (db.prepare('SELECT log_hash FROM events WHERE position = ?').pluck().get(row.position) as string) ?? null;
    }
  }
};

describe('verify, on a log tampered with in the SQLite file', () => {
  test('a clean log verifies: exit 0, every event checked against the signed checkpoint', async () => {
    const { dataDir } = await makeLog();
    const { code, report } = await verify(dataDir);
    expect(report).toMatchObject({ ok: true, checkedEvents: 14, head: { position: '14' }, problems: [] });
    expect(report.checkpoint?.position).toBe('12');
    expect(code).toBe(0);
  });

  test('edited data: the event is named (stream, revision, position), exit 2', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) =>
      db.prepare(`UPDATE events SET data = replace(data, '三会一课', '两会一课') WHERE position = 5`).run(),
    );
    const { code, where, report } = await verify(dataDir);
    expect(where).toEqual([{ kind: 'altered', stream: 'unit-b', revision: 1, position: '5' }]);
    expect(report.problems[0].message.zh).toContain('已被改动');
    expect(code).toBe(2);
  });

  test('an edit re-sealed (the stream hashes and even the log hashes recomputed) is named where it was made', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) => {
      db.prepare(`UPDATE events SET data = replace(data, '三会一课', '两会一课') WHERE position = 5`).run();
      reseal(db, 5);
    });
    const { code, where } = await verify(dataDir);
    expect(where[0]).toEqual({ kind: 'log-chain', stream: 'unit-b', revision: 1, position: '5' });
    expect(where.map((w) => w.kind)).not.toContain('altered'); // the stream chain alone would have passed it
    expect(where).toContainEqual({ kind: 'checkpoint', stream: 'unit-c', revision: 3, position: '12' });
    expect(code).toBe(2);
  });

  test('an event deleted in the middle: its position, its stream and revision, and the break in the log chain', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) => db.prepare('DELETE FROM events WHERE position = 5').run());
    const { code, where } = await verify(dataDir);
    expect(where).toEqual(
      expect.arrayContaining([
        { kind: 'missing', stream: null, revision: null, position: '5' },
        { kind: 'stream-gap', stream: 'unit-b', revision: 1, position: null },
        { kind: 'log-chain', stream: 'unit-c', revision: 1, position: '6' },
      ]),
    );
    expect(code).toBe(2);
  });

  test('a removed tail, with the checkpoints stored in the file deleted too: the anchor beside the key names it', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) => {
      db.prepare('DELETE FROM events WHERE position >= 11').run();
      db.prepare('DELETE FROM log_checkpoints').run();
    });
    const { code, where, report } = await verify(dataDir);
    expect(where).toEqual([{ kind: 'tail-removed', stream: null, revision: null, position: '12' }]);
    expect(report.problems[0].message.en).toMatch(/ends at position 10.*signed at position 12/);
    expect(code).toBe(2);
  });

  test('a removed tail with the anchor deleted as well: the checkpoint an auditor exported still names it', async () => {
    const { dataDir, file, anchorFile, exported } = await makeLog();
    tamper(file, (db) => {
      db.prepare('DELETE FROM events WHERE position >= 11').run();
      db.prepare('DELETE FROM log_checkpoints').run();
    });
    rmSync(anchorFile);
    const { code, where } = await verify(dataDir, '--against', exported);
    expect(where).toEqual([{ kind: 'tail-removed', stream: null, revision: null, position: '12' }]);
    expect(code).toBe(2);
  });

  test('an event inserted in the middle (later positions moved up, hashes recomputed): named at its position', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) => {
      db.prepare('UPDATE events SET position = position + 1000 WHERE position >= 6').run();
      db.prepare('UPDATE events SET position = position - 999 WHERE position > 1000').run();
      const forged = newEvent('Tested', { stream: 'unit-x', revision: 0 });
      const data = JSON.stringify(forged.data);
      const metadata = JSON.stringify({ ...forged.metadata, recordedAt: '2026-10-13T00:00:00.000Z' });
      const envelope = { id: 'forged', stream: 'unit-x', revision: 0, type: 'Tested', prevHash: null };
      db.prepare(
        'INSERT INTO events (position, stream, revision, id, type, data, metadata, prev_hash, hash) VALUES (6, ?, 0, ?, ?, ?, ?, NULL, ?)',
      ).run('unit-x', 'forged', 'Tested', data, metadata, hashStoredText(envelope, data, metadata));
      reseal(db, 6);
    });
    const { code, where } = await verify(dataDir);
    expect(where[0]).toEqual({ kind: 'log-chain', stream: 'unit-x', revision: 0, position: '6' });
    expect(where.map((w) => w.kind)).toContain('checkpoint');
    expect(code).toBe(2);
  });

  test('two events swapped in the log: both positions are named, and the link after them', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) => {
      db.prepare('UPDATE events SET position = 1004 WHERE position = 4').run();
      db.prepare('UPDATE events SET position = 4 WHERE position = 5').run();
      db.prepare('UPDATE events SET position = 5 WHERE position = 1004').run();
    });
    const { code, where } = await verify(dataDir);
    expect(where).toEqual([
      { kind: 'log-chain', stream: 'unit-b', revision: 1, position: '4' },
      { kind: 'log-chain', stream: 'unit-a', revision: 1, position: '5' },
      { kind: 'log-chain', stream: 'unit-c', revision: 1, position: '6' },
    ]);
    expect(code).toBe(2);
  });

  test('a checkpoint altered in the file is refused by its signature', async () => {
    const { dataDir, file } = await makeLog();
    tamper(file, (db) =>
      db.prepare(`UPDATE log_checkpoints SET signed = replace(signed, '"position":"12"', '"position":"11"')`).run(),
    );
    const { code, where } = await verify(dataDir);
    expect(where).toEqual([{ kind: 'checkpoint-signature', stream: null, revision: null, position: '11' }]);
    expect(code).toBe(2);
  });
});
