import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../messages.js';

export type ReadModelDb = Database.Database;

/**
 * A read model fed from the event store. Its rows live in the read-model SQLite file; the runner
 * commits each batch of row changes together with the projection's checkpoint.
 *
 * `evolve` must be deterministic and only touch this projection's tables, so that a rebuild
 * from the first event gives the same rows.
 */
export interface Projection {
  /** Unique name; by convention also the name of its main table. */
  name: string;
  /** Bump when the tables or evolve change: the runner then rebuilds the projection at start. */
  version: number;
  /** Event types it reads (`['*']` for all); the runner skips every other event. */
  handles: readonly string[];
  /** Tables it owns: dropped on rebuild. */
  tables: readonly string[];
  /** Creates its tables, and the indexes `evolve` itself needs, when absent. */
  init: (db: ReadModelDb) => void;
  /**
   * `CREATE INDEX IF NOT EXISTS …` statements for indexes only queries use. A rebuild creates them after
   * the replay, which is much cheaper than updating them on every event; an index that `evolve` looks rows
   * up by belongs in `init`, or the replay would scan the table for each event.
   */
  indexes?: readonly string[];
  evolve: (db: ReadModelDb, event: RecordedEvent) => void;
  /**
   * Called once after each batch's events, inside the batch's transaction (live and in a rebuild): a
   * projection whose rows are costly to derive marks what an event changes in `evolve` and does the work
   * here, once per batch rather than once per event.
   */
  afterBatch?: (db: ReadModelDb, batch: readonly RecordedEvent[]) => void;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

const MAX_CACHED_STATEMENTS = 2000;
const statementCache = new WeakMap<ReadModelDb, Map<string, Database.Statement>>();

/**
 * A prepared statement for `sql`, prepared once per database: evolve functions run for every
 * event of a rebuild, and preparing SQL each time would cost more than running it.
 */
export const statement = (db: ReadModelDb, sql: string): Database.Statement => {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) {
    // List queries vary with their filters and the caller's scope: start over rather than grow without end.
    if (cache.size >= MAX_CACHED_STATEMENTS) cache.clear();
    cache.set(sql, (prepared = db.prepare(sql)));
  }
  return prepared;
};
