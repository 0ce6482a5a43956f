import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'party-ledger-es-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL', pollIntervalMs: 50 });
  return {
    store,
    // A second connection to the same file: SQLite's own locking arbitrates the race.
    openSecond: async () => new SqliteEventStore({ file, synchronous: 'NORMAL', pollIntervalMs: 50 }),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite group commit', () => {
  test('appends made in one turn of the event loop commit together, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-es-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'FULL' });
    try {
      await store.append('warm-up', [newEvent('W')], 'no_stream');
      const before = { ...store.stats };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.append(`group-${i}`, [newEvent('G', { i })], 'no_stream')),
      );
      expect(store.stats.commits - before.commits).toBe(1);
      expect(store.stats.appends - before.appends).toBe(20);
      // One transaction, in call order: positions follow the calls.
      const positions = results.map((r) => r.position);
      expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
      // A caller that awaits each append gets a commit of its own.
      await store.append('alone', [newEvent('A')], 'no_stream');
      expect(store.stats.commits - before.commits).toBe(2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('in one group, a conflict and an append that fails after writing fail alone; the rest commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-es-'));
    const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    try {
      await store.append('taken', [newEvent('T')], 'no_stream');
      // Its first event is written, then the second's unit index row cannot be bound: a half-written append.
      const broken = newEvent('B');
      const halfWritten = {
        ...broken,
        metadata: { ...broken.metadata, unitIds: ['u1'], occurredAt: {} as unknown as string },
      };
      const outcomes = await Promise.allSettled([
        store.append('first', [newEvent('F1'), newEvent('F2')], 'no_stream'),
        store.append('taken', [newEvent('X')], 'no_stream'),
        store.append('broken', [newEvent('B0'), halfWritten], 'no_stream'),
        store.append('last', [newEvent('L')], 'no_stream'),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'WrongExpectedRevisionError' });
      expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/parameter|bind/);
      expect((await store.readStream('broken')).length).toBe(0);
      expect((await store.readAll()).map((e) => e.stream)).toEqual(['taken', 'first', 'first', 'last']);
      // The log stays one chain: the next append follows the last committed event.
      await store.append('after', [newEvent('A')], 'no_stream');
      expect((await store.readAll()).map((e) => Number(e.position))).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sqlite per-unit index', () => {
  test('a file written before the index existed gets it filled when opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-es-'));
    const file = join(dir, 'events.sqlite');
    try {
      const first = new SqliteEventStore({ file });
      await first.append('unit-1', [newEvent('Registered', {}, ['u1']), newEvent('Renamed', {}, ['u1', 'u2'])], 'any');
      await first.close();
      // What a file of the earlier schema looks like: no event_units, user_version 0.
      const raw = new Database(file);
      raw.exec('DROP TABLE event_units');
      raw.pragma('user_version = 0');
      raw.close();
      const reopened = new SqliteEventStore({ file });
      expect((await reopened.readUnit('u1')).map((e) => e.type)).toEqual(['Registered', 'Renamed']);
      expect((await reopened.readUnit('u2')).map((e) => e.type)).toEqual(['Renamed']);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
