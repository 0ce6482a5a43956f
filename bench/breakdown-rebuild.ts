import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { EventStore } from '../src/core/event-store/event-store.js';
import type { RecordedEvent } from '../src/core/messages.js';
import { openReadModelDb } from '../src/core/projections/read-model-db.js';
import { unitsProjection } from '../src/organizations/projections/units.projection.js';
import type { Step } from './breakdown-append.js';

const PAGE = 5000; // ProjectionRunner's REBUILD_BATCH: the page size a rebuild reads with
const ALL = 'position, stream, revision, id, type, data, metadata, prev_hash, hash';

type Row = { position: number; revision: number; prev_hash: string | null } & Record<
  'stream' | 'id' | 'type' | 'data' | 'metadata' | 'hash',
  string
>;

const now = () => process.hrtime.bigint();

/**
 * Where a rebuild's time per event goes, over the first `sample` events of the log (the cost per
 * event does not depend on where in the log it lies: pages are rowid range scans). Reading is split
 * by timing each part of the adapter's row-to-event mapping on every page: the SELECT, JSON.parse
 * of data, of metadata, BigInt(position) with the object literal; then cheaper ways to read.
 * Applying runs evolve on those events in transactions of PAGE events, as the runner commits them.
 */
export const rebuildBreakdown = async (
  storeFile: string,
  store: EventStore,
  dir: string,
  sample: number,
): Promise<Step[]> => {
  const raw = new Database(storeFile, { readonly: true });
  const t = { select: 0n, data: 0n, metadata: 0n, object: 0n, rawArrays: 0n, fewColumns: 0n, lean: 0n, mmap: 0n };
  let count = 0;
  try {
    const walk = (sql: string, key: keyof typeof t, asArrays = false) => {
      const statement = raw.prepare(sql).raw(asArrays);
      let read = 0;
      for (let after = 0; read < sample;) {
        const start = now();
        const rows = statement.all(after, PAGE) as unknown[];
        t[key] += now() - start;
        if (rows.length === 0) break;
        read += rows.length;
        const tail = rows[rows.length - 1] as Row | number[];
        after = Array.isArray(tail) ? tail[0] : tail.position;
      }
    };
    const page = raw.prepare(`SELECT ${ALL} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
    for (let after = 0; count < sample;) {
      let start = now();
      const rows = page.all(after, PAGE) as Row[];
      t.select += now() - start;
      if (rows.length === 0) break;
      start = now();
      const data = rows.map((r) => JSON.parse(r.data) as unknown);
      t.data += now() - start;
      start = now();
      const metadata = rows.map((r) => JSON.parse(r.metadata) as RecordedEvent['metadata']);
      t.metadata += now() - start;
      start = now();
      // The same literal as the adapter's toRecorded, minus the two parses timed above.
      rows.map((r, i) => ({
        id: r.id,
        stream: r.stream,
        revision: r.revision,
        position: BigInt(r.position),
        type: r.type,
        data: data[i],
        metadata: metadata[i],
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
      t.object += now() - start;
      count += rows.length;
      after = rows[rows.length - 1].position;
    }
    const range = 'FROM events WHERE position > ? ORDER BY position LIMIT ?';
    walk(`SELECT ${ALL} ${range}`, 'rawArrays', true);
    walk(`SELECT position, revision, type, data, metadata ${range}`, 'fewColumns');
    walk(`SELECT position, revision, type, data, metadata ${range}`, 'lean', true);
    raw.pragma('mmap_size = 4294967296');
    walk(`SELECT ${ALL} ${range}`, 'mmap');
  } finally {
    raw.close();
  }

  let readAll = 0n;
  const events: RecordedEvent[] = [];
  for (let after = 0n; events.length < sample;) {
    const start = now();
    const batch = await store.readAll({ after, limit: PAGE });
    readAll += now() - start;
    if (batch.length === 0) break;
    events.push(...batch);
    after = batch[batch.length - 1].position;
  }

  const apply = applyTimes(join(dir, 'breakdown-read-model.db'), events);
  const bigCache = applyTimes(join(dir, 'breakdown-read-model-cache.db'), events, { cacheKiB: 64 * 1024 });
  const bigBatch = applyTimes(join(dir, 'breakdown-read-model-batch.db'), events, { batch: 10 * PAGE });
  const per = (ns: bigint, n = count) => Number(ns) / 1e3 / n;
  return [
    { step: 'read: SELECT of the rows (better-sqlite3 row objects)', micros: per(t.select) },
    { step: 'read: JSON.parse(data)', micros: per(t.data) },
    { step: 'read: JSON.parse(metadata)', micros: per(t.metadata) },
    { step: 'read: BigInt(position) + event object', micros: per(t.object) },
    { step: 'read: whole store.readAll (as the runner calls it)', micros: per(readAll, events.length) },
    { step: `apply: unitsProjection.evolve (${events.length} events)`, micros: per(apply.evolve, events.length) },
    { step: 'apply: COMMIT of each 5000-event transaction', micros: per(apply.commit, events.length) },
    { step: 'variant: SELECT with .raw() (arrays, not objects)', micros: per(t.rawArrays) },
    { step: 'variant: SELECT position, revision, type, data, metadata', micros: per(t.fewColumns) },
    { step: 'variant: both, .raw() and those five columns', micros: per(t.lean) },
    { step: 'variant: SELECT with PRAGMA mmap_size = 4 GiB', micros: per(t.mmap) },
    { step: 'variant: evolve, read model with cache_size 64 MiB', micros: per(bigCache.evolve, events.length) },
    { step: 'variant: COMMIT, read model with cache_size 64 MiB', micros: per(bigCache.commit, events.length) },
    { step: 'variant: COMMIT of each 50,000-event transaction', micros: per(bigBatch.commit, events.length) },
  ];
};

/**
 * Applies `events` to a fresh units table in transactions of `batch` events, timing evolve and
 * COMMIT apart. `cacheKiB` tries a page cache larger than SQLite's 2 MiB default; a larger `batch`
 * tries fewer commits: each commit writes every page its batch dirtied to the WAL, and renames
 * spread over 10,000 units dirty pages all over the table and its two indexes.
 */
const applyTimes = (file: string, events: RecordedEvent[], { cacheKiB = 0, batch = PAGE } = {}) => {
  const db = openReadModelDb(file);
  const t = { evolve: 0n, commit: 0n };
  try {
    if (cacheKiB) db.pragma(`cache_size = -${cacheKiB}`);
    unitsProjection.init(db);
    for (let i = 0; i < events.length; i += batch) {
      db.exec('BEGIN');
      let start = now();
      for (const event of events.slice(i, i + batch)) unitsProjection.evolve(db, event);
      t.evolve += now() - start;
      start = now();
      db.exec('COMMIT');
      t.commit += now() - start;
    }
  } finally {
    db.close();
  }
  return t;
};
