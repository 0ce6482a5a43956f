import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainRow } from '../event-store/sqlite-event-store.js';
import { keyAtIn, RowHasher, type HashFault } from './row-checks.js';

/**
 * A worker thread of `verify` on a large SQLite log: checks the rows in (from, to] (content hash and log
 * hash) on its own read connection, while the main thread walks the streams' chains and the checkpoints.
 */
export interface HashWorkerInput {
  file: string;
  from: number;
  to: number;
  ranges: { fromPosition: number; key: { id: string; secret: Uint8Array } | null }[];
}

export interface HashWorkerOutput {
  faults: HashFault[];
  omitted: number;
  checked: number;
}

const { file, from, to, ranges } = workerData as HashWorkerInput;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  const keyAt = keyAtIn(
    ranges.map((r) => ({ ...r, key: r.key && { id: r.key.id, secret: Buffer.from(r.key.secret) } })),
    null,
  );
  const before = db
    .prepare<[number], string | null>('SELECT log_hash FROM events WHERE position <= ? ORDER BY position DESC LIMIT 1')
    .pluck()
    .get(from);
  const hasher = new RowHasher(keyAt, before ?? null);
  const page = db
    .prepare<[number, number], ChainRow>(
      'SELECT position, stream, revision, id, type, data, metadata, prev_hash, hash, log_hash FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT 5000',
    )
    .raw();
  let last = from;
  for (let rows = page.all(last, to); rows.length > 0; rows = page.all(last, to)) {
    for (const row of rows) hasher.add(row);
    last = rows[rows.length - 1][0];
  }
  parentPort!.postMessage({
    faults: hasher.faults,
    omitted: hasher.omitted,
    checked: hasher.checked,
  } satisfies HashWorkerOutput);
} finally {
  db.close();
}
