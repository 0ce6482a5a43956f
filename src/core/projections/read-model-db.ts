import Database from 'better-sqlite3';
import { WalCheckpointer } from '../wal-checkpointer.js';
import type { ReadModelDb } from './projection.js';

export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/**
 * Opens the read-model file. Read models can be rebuilt from the events at any time, so the file
 * trades durability for speed (synchronous NORMAL): after a crash the runner replays from the
 * checkpoints, which are committed in the same transactions as the rows.
 */
export const openReadModelDb = (file: string): ReadModelDb => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name       TEXT PRIMARY KEY,
    position   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  )`);
  const checkpointer = WalCheckpointer.start(db);
  if (checkpointer) checkpointers.set(db, checkpointer);
  return db;
};

const checkpointers = new WeakMap<ReadModelDb, WalCheckpointer>();

/** Closes a file opened by {@link openReadModelDb}, after its WAL checkpointer. */
export const closeReadModelDb = async (db: ReadModelDb): Promise<void> => {
  await checkpointers.get(db)?.stop();
  checkpointers.delete(db);
  if (db.open) db.close();
};
