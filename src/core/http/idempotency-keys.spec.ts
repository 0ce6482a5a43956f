import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { holderGone, IdempotencyKeys, LEASE_MS, THIS_PROCESS } from './idempotency-keys.js';

const NOW = 1_800_000_000_000;
/** A pid no process has: above the kernel's pid_max. */
const DEAD_PID = 4_194_305;

describe('idempotency key leases', () => {
  test('a holder is gone when its lease ran out, or when it ran on this host and its process is dead', () => {
    const soon = NOW + LEASE_MS;
    expect(holderGone({ owner: THIS_PROCESS, lease_until: soon }, NOW)).toBe(false);
    expect(holderGone({ owner: THIS_PROCESS, lease_until: NOW - 1 }, NOW)).toBe(true);
    expect(holderGone({ owner: `${hostname()} ${DEAD_PID} run-1`, lease_until: soon }, NOW)).toBe(true);
    // This pid, but an earlier run (a restarted container is pid 1 again): that run is dead.
    expect(holderGone({ owner: `${hostname()} ${process.pid} an-earlier-run`, lease_until: soon }, NOW)).toBe(true);
    // Another host: only the lease tells.
    expect(holderGone({ owner: `elsewhere ${DEAD_PID} run-1`, lease_until: soon }, NOW)).toBe(false);
    // Keys stored before leases existed have no holder.
    expect(holderGone({ owner: null, lease_until: null }, NOW)).toBe(true);
  });

  test('a key held by a dead process is taken over by the retry; a live one answers as it is', () => {
    const db = new Database(':memory:');
    const keys = new IdempotencyKeys(db);
    const first = keys.claim('admin POST /api/units', 'k1', 'hash');
    expect(first.kind).toBe('claimed');
    // Held by this (live) process: the same request again is told it is in progress.
    expect(keys.claim('admin POST /api/units', 'k1', 'hash')).toMatchObject({ kind: 'taken', row: { status: null } });
    // The holder dies (as after kill -9): the retry takes the key.
    db.prepare('UPDATE idempotency_keys SET owner = ?').run(`${hostname()} ${DEAD_PID} run-1`);
    const retry = keys.claim('admin POST /api/units', 'k1', 'hash');
    expect(retry.kind).toBe('claimed');
    // …but never with another body.
    db.prepare('UPDATE idempotency_keys SET owner = ?').run(`${hostname()} ${DEAD_PID} run-1`);
    expect(keys.claim('admin POST /api/units', 'k1', 'other')).toMatchObject({ kind: 'taken' });
    keys.complete('admin POST /api/units', 'k1', 201, '{"id":"u1"}');
    expect(keys.claim('admin POST /api/units', 'k1', 'hash')).toMatchObject({
      kind: 'taken',
      row: { status: 201, response: '{"id":"u1"}' },
    });
    for (const claim of [first, retry]) if (claim.kind === 'claimed') claim.lease.stop();
    db.close();
  });

  test('a table from before leases gets the columns, and its unfinished keys are free', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE idempotency_keys (scope TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
      status INTEGER, response TEXT, created_at TEXT NOT NULL, PRIMARY KEY (scope, key))`);
    db.prepare("INSERT INTO idempotency_keys VALUES ('s', 'stuck', 'hash', NULL, NULL, '2026-11-01T00:00:00Z')").run();
    const claim = new IdempotencyKeys(db).claim('s', 'stuck', 'hash');
    expect(claim.kind).toBe('claimed');
    if (claim.kind === 'claimed') claim.lease.stop();
    db.close();
  });
});
