import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ReadModelDb } from '../projections/projection.js';

export interface KeyRow {
  body_hash: string;
  status: number | null;
  response: string | null;
  owner: string | null;
  lease_until: number | null;
}

/** How long a running request holds its key without renewing it; renewed every third of that while it runs. */
export const LEASE_MS = 30_000;

/**
 * This process, as a key's holder: host, pid, and an id of this run (in a container every run may be
 * pid 1, and a restarted app must not mistake its dead predecessor's keys for its own).
 */
const HOST = hostname();
const RUN = randomUUID();
export const THIS_PROCESS = `${HOST} ${process.pid} ${RUN}`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Whether the holder of an unfinished key is gone: its lease ran out, or it ran on this host and that
 * process no longer exists (so a restart frees its predecessor's keys at once rather than after the
 * lease). Keys written before leases existed have no holder and are free. Wall-clock time on purpose:
 * a lease is about processes, not business time.
 */
export const holderGone = (row: Pick<KeyRow, 'owner' | 'lease_until'>, now = Date.now()): boolean => {
  if (!row.owner || row.lease_until === null || row.lease_until < now) return true;
  const [host, pid, run] = row.owner.split(' ');
  if (host !== HOST) return false;
  return Number(pid) === process.pid ? run !== RUN : !alive(Number(pid));
};

export interface Lease {
  stop: () => void;
}

export type Claim = { kind: 'claimed'; lease: Lease } | { kind: 'taken'; row: KeyRow };

/** The `idempotency_keys` table: who holds which key, until when, and the answer once there is one. */
export class IdempotencyKeys {
  constructor(private readonly db: ReadModelDb) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL,
      status INTEGER, response TEXT, created_at TEXT NOT NULL,
      owner TEXT, lease_until INTEGER,
      PRIMARY KEY (scope, key))`);
    const columns = (db.prepare('PRAGMA table_info(idempotency_keys)').all() as { name: string }[]).map((c) => c.name);
    // Files from before leases: their unfinished keys have no holder, so a retry may take them.
    if (!columns.includes('owner')) db.exec('ALTER TABLE idempotency_keys ADD COLUMN owner TEXT');
    if (!columns.includes('lease_until')) db.exec('ALTER TABLE idempotency_keys ADD COLUMN lease_until INTEGER');
  }

  /**
   * Takes the key for this process: a new key, or an unfinished one (same body) whose holder is gone.
   * Otherwise answers the row as it is: finished (replay it), another body (422) or still held (409).
   */
  claim(scope: string, key: string, bodyHash: string): Claim {
    const now = Date.now();
    const inserted = this.db
      .prepare(
        `INSERT INTO idempotency_keys (scope, key, body_hash, created_at, owner, lease_until)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(scope, key, bodyHash, new Date(now).toISOString(), THIS_PROCESS, now + LEASE_MS);
    if (inserted.changes === 1) return { kind: 'claimed', lease: this.hold(scope, key) };
    const row = this.db
      .prepare(
        'SELECT body_hash, status, response, owner, lease_until FROM idempotency_keys WHERE scope = ? AND key = ?',
      )
      .get(scope, key) as KeyRow;
    if (row.status !== null || row.body_hash !== bodyHash || !holderGone(row, now)) return { kind: 'taken', row };
    // Compare and set: of two retries racing for an abandoned key, one takes it, the other sees it held.
    const taken = this.db
      .prepare(
        `UPDATE idempotency_keys SET owner = ?, lease_until = ?
         WHERE scope = ? AND key = ? AND status IS NULL AND owner IS ? AND lease_until IS ?`,
      )
      .run(THIS_PROCESS, now + LEASE_MS, scope, key, row.owner, row.lease_until);
    return taken.changes === 1 ? { kind: 'claimed', lease: this.hold(scope, key) } : { kind: 'taken', row };
  }

  complete(scope: string, key: string, status: number, response: string): void {
    this.db
      .prepare(
        'UPDATE idempotency_keys SET status = ?, response = ?, owner = NULL, lease_until = NULL WHERE scope = ? AND key = ?',
      )
      .run(status, response, scope, key);
  }

  /** Frees a key this process holds (its command was refused and wrote nothing). */
  release(scope: string, key: string): void {
    this.db
      .prepare('DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status IS NULL AND owner = ?')
      .run(scope, key, THIS_PROCESS);
  }

  /** Renews the lease while the request runs, so a slow command keeps its key. */
  private hold(scope: string, key: string): Lease {
    const renew = this.db.prepare(
      'UPDATE idempotency_keys SET lease_until = ? WHERE scope = ? AND key = ? AND status IS NULL AND owner = ?',
    );
    const timer = setInterval(() => {
      try {
        renew.run(Date.now() + LEASE_MS, scope, key, THIS_PROCESS);
      } catch {
        // a full disk: the lease runs out, and a retry may then take the key, which is what it is for
      }
    }, LEASE_MS / 3);
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }
}
