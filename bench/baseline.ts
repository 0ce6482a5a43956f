import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '../src/core/messages.js';
import type { SqliteSynchronous } from '../src/core/event-store/sqlite-event-store.js';
import { measure, type Sample } from './util.js';

/**
 * Copied verbatim from sqlite-event-store.ts (where it is not exported), so the baseline writes the
 * same B-trees: rowid table, the unique (stream, revision) index and the per-unit index table. run.ts
 * compares the two schemas from sqlite_master and refuses to print figures if they drift apart.
 */
export const BASELINE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  id        TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  prev_hash TEXT,
  hash      TEXT    NOT NULL,
  log_hash  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE TABLE IF NOT EXISTS event_units (
  unit_id     TEXT    NOT NULL,
  position    INTEGER NOT NULL,
  occurred_at TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;
`;

/** The schema SQLite recorded for the events and event_units tables and their indexes, to compare two files. */
export const schemaOf = (file: string): string => {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT sql FROM sqlite_master WHERE tbl_name IN ('events', 'event_units') ORDER BY name`)
      .all() as {
      sql: string;
    }[];
    return rows.map((r) => r.sql.replace(/\s+/g, ' ')).join('\n');
  } finally {
    db.close();
  }
};

/** Opens a file the way the adapter does: WAL, the given synchronous mode, the same schema. */
export const openBaselineDb = (file: string, mode: SqliteSynchronous): Database.Database => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${mode}`);
  db.pragma('busy_timeout = 5000');
  db.exec(BASELINE_SCHEMA);
  return db;
};

/** A pool of 64-hex hashes: the baseline stores a hash of the right size without computing one. */
const HASHES = Array.from({ length: 4096 }, () => randomBytes(32).toString('hex'));

/**
 * What SQLite alone can do with our rows: one IMMEDIATE transaction per call holding `batches[i]`
 * (1 or 100 rows), JSON.stringify of data and metadata, a fresh id and the per-unit index rows, as any
 * writer must, but no revision lookup and no hashing: revisions and previous hashes are tracked in memory.
 * Returns rows per second over the timed part, after `warmup` untimed calls.
 */
export const baselineInserts = async (
  dir: string,
  mode: SqliteSynchronous,
  streams: string[],
  batches: NewEvent[][],
  warmup: number,
): Promise<Sample> => {
  const db = openBaselineDb(join(dir, `baseline-${mode}.db`), mode);
  try {
    const begin = db.prepare('BEGIN IMMEDIATE');
    const commit = db.prepare('COMMIT');
    const insert = db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, prev_hash, hash, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const unitIndex = db.prepare(
      'INSERT OR IGNORE INTO event_units (unit_id, position, occurred_at, recorded_at) VALUES (?, ?, ?, ?)',
    );
    const revisions = new Array<number>(streams.length).fill(-1);
    const lastHashes = new Array<string | null>(streams.length).fill(null);
    let h = 0;
    const write = (call: number) => {
      const s = call % streams.length;
      begin.run();
      for (const event of batches[call]) {
        const hash = HASHES[h++ & 4095];
        const metadata = { ...event.metadata, recordedAt: new Date().toISOString() };
        const row = [streams[s], ++revisions[s], randomUUID(), event.type, JSON.stringify(event.data)] as const;
        // The log hash's 64 bytes are written too, as the adapter writes them (not computed either).
        const logHash = HASHES[h++ & 4095];
        const { lastInsertRowid } = insert.run(...row, JSON.stringify(metadata), lastHashes[s], hash, logHash);
        for (const unitId of metadata.unitIds)
          unitIndex.run(unitId, lastInsertRowid, metadata.occurredAt, metadata.recordedAt);
        lastHashes[s] = hash;
      }
      commit.run();
    };
    for (let call = 0; call < warmup; call++) write(call);
    return await measure(() => {
      let events = 0;
      for (let call = warmup; call < batches.length; call++) {
        write(call);
        events += batches[call].length;
      }
      return events;
    });
  } finally {
    db.close();
  }
};
