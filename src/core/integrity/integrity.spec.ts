import { afterAll, describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '../event-store/event-store.contract.js';
import { hashEvent } from '../event-store/hash-chain.js';
import { MemoryEventStore } from '../event-store/memory-event-store.js';
import { SqliteEventStore } from '../event-store/sqlite-event-store.js';
import type { RecordedEvent } from '../messages.js';
import { ManualClock } from '../time/clock.js';
import { loadOrCreateAuditKey } from './audit-key.js';
import { CheckpointTable } from './checkpoints.js';
import { Integrity } from './integrity.js';

const dir = mkdtempSync(join(tmpdir(), 'party-ledger-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = loadOrCreateAuditKey(join(dir, 'keys', 'audit-ed25519.pem'));
const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));

const where = (report: {
  problems: { kind: string; stream: string | null; revision: number | null; position: string | null }[];
}) => report.problems.map(({ kind, stream, revision, position }) => ({ kind, stream, revision, position }));

/**
 * Through the port alone (readAll), as with EventStoreDB, which stores no log hash: the log chain is
 * recomputed and compared with the signed checkpoints. The memory store stands in for it here.
 */
describe('integrity through the port (the memory store standing in for EventStoreDB)', () => {
  const setUp = async () => {
    const store = new MemoryEventStore(clock);
    for (let revision = 0; revision < 3; revision++)
      for (const stream of ['unit-a', 'unit-b']) await store.append(stream, [newEvent('Tested', { revision })], 'any');
    const table = new CheckpointTable(':memory:');
    const integrity = new Integrity(store, { key }, table, null, clock);
    const { written } = await integrity.checkpoint();
    await store.append('unit-a', [newEvent('Tested', { revision: 3 })], 2);
    // The store's own array: what someone with access to its storage could change.
    const log = (store as unknown as { log: RecordedEvent[] }).log;
    return { store, integrity, written, log };
  };

  test('a clean log verifies, and the checkpoint signed at its head is kept', async () => {
    const { integrity, written } = await setUp();
    expect(written?.checkpoint).toMatchObject({ position: '6', keyId: key.id });
    const report = await integrity.verify();
    expect(report).toMatchObject({ ok: true, checkedEvents: 7, checkpoint: { position: '6' }, problems: [] });
    expect((await integrity.checkTail()).checkedEvents).toBe(1);
  });

  test('an edit is named; re-sealed, the signed checkpoint still catches it', async () => {
    const { integrity, log } = await setUp();
    log[2].data = { revision: 99 }; // unit-a revision 1, position 3
    expect(where(await integrity.verify())).toEqual([
      { kind: 'altered', stream: 'unit-a', revision: 1, position: '3' },
    ]);
    log[2].hash = hashEvent(log[2]);
    log[4].prevHash = log[2].hash;
    log[4].hash = hashEvent(log[4]);
    log[6].prevHash = log[4].hash;
    log[6].hash = hashEvent(log[6]);
    expect(where(await integrity.verify())).toEqual([
      { kind: 'checkpoint', stream: 'unit-b', revision: 2, position: '6' },
    ]);
  });

  test('a removed tail past the checkpoint and a swap are named', async () => {
    const { integrity, log } = await setUp();
    const [a, b] = [log[1], log[2]];
    log[1] = { ...b, position: 2n };
    log[2] = { ...a, position: 3n };
    expect(where(await integrity.verify())).toContainEqual({
      kind: 'checkpoint',
      stream: 'unit-b',
      revision: 2,
      position: '6',
    });
    log[1] = a;
    log[2] = b;
    log.splice(4);
    expect(where(await integrity.verify())).toEqual([
      { kind: 'tail-removed', stream: null, revision: null, position: '6' },
    ]);
    expect(where(await integrity.checkTail())).toEqual([
      { kind: 'tail-removed', stream: null, revision: null, position: '6' },
    ]);
  });
});

describe('a SQLite file written before the log had a chain', () => {
  test('is chained when opened, with a note saying so, and verifies', async () => {
    const file = join(dir, 'old.sqlite');
    const old = new SqliteEventStore({ file, logKey: key.logKey });
    await old.append('unit-a', [newEvent('Tested'), newEvent('Tested')], 'no_stream');
    await old.append('unit-b', [newEvent('Tested')], 'no_stream');
    await old.close();
    // Back to the schema of version 1: no log_hash column, no log_keys table.
    const db = new Database(file);
    db.exec('ALTER TABLE events DROP COLUMN log_hash; DROP TABLE log_keys; PRAGMA user_version = 1');
    db.close();

    const store = new SqliteEventStore({ file, logKey: key.logKey });
    const table = new CheckpointTable(file);
    try {
      const report = await new Integrity(store, { key }, table, null, clock).verify();
      expect(report).toMatchObject({ ok: true, checkedEvents: 3 });
      expect(report.notes.map((n) => n.en)).toEqual([
        expect.stringMatching(/^positions 1: back-filled: the 3 events up to position 3/),
      ]);
      expect(store.logKeyRanges()).toMatchObject([{ fromPosition: 1, keyId: key.id }]);
    } finally {
      table.close();
      await store.close();
    }
  });

  test('a store opened with another key records the change; the range under the unknown key is named', async () => {
    const file = join(dir, 'rekeyed.sqlite');
    const first = new SqliteEventStore({ file, logKey: key.logKey });
    await first.append('unit-a', [newEvent('Tested')], 'no_stream');
    await first.close();
    const other = loadOrCreateAuditKey(join(dir, 'other-keys', 'audit-ed25519.pem'));
    const store = new SqliteEventStore({ file, logKey: other.logKey });
    await store.append('unit-a', [newEvent('Tested')], 0);
    const table = new CheckpointTable(file);
    try {
      expect(store.logKeyRanges()).toMatchObject([
        { fromPosition: 1, keyId: key.id },
        { fromPosition: 2, keyId: other.id, note: `key changed from ${key.id}` },
      ]);
      const report = await new Integrity(store, { key: other }, table, null, clock).verify();
      expect(where(report)).toEqual([{ kind: 'key-unknown', stream: null, revision: null, position: '1' }]);
    } finally {
      table.close();
      await store.close();
    }
  });
});
