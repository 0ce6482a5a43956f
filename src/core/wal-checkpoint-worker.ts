import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

/** What {@link WalCheckpointer} hands its worker thread. */
export interface WalCheckpointWorkerInput {
  file: string;
  /** How often the WAL's length is looked at. */
  pollMs: number;
  /** Checkpoint as soon as the WAL grew by this many frames (SQLite's own threshold is 1,000). */
  frames: number;
  /** Otherwise checkpoint a changed WAL once this long passed since the last checkpoint. */
  maxDelayMs: number;
}

/**
 * The worker thread of a {@link WalCheckpointer}: copies the file's write-ahead log back into the database on
 * a connection of its own, when the WAL grew by `frames` frames since the last checkpoint (as often as SQLite
 * would, since each checkpoint syncs the disk), or changed and `maxDelayMs` passed. PASSIVE never waits for
 * readers or writers; what it cannot copy yet it copies next time. Synchronous FULL (the default) syncs the
 * WAL before copying and the database after, so a checkpoint never weakens durability.
 *
 * It polls every `pollMs` (50 by default): at several hundred registrations a second the read models' WAL grows
 * by 1,000 frames in tens of milliseconds, and a slower poll would let it, and so each checkpoint, grow larger.
 *
 * It looks at the WAL with `stat` only and never opens the `-wal` or `-shm` file itself: closing any
 * descriptor of a file drops every POSIX lock this process holds on it, SQLite's included. A first version
 * read the wal-index header from `-shm`; each close dropped SQLite's lock, another process opening the
 * database then took itself for the first and truncated `-shm`, and this process died of SIGBUS.
 */
const { file, pollMs, frames, maxDelayMs } = workerData as WalCheckpointWorkerInput;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const frameBytes = 24 + Number(db.pragma('page_size', { simple: true }));

/** The WAL as of the last checkpoint: its modification time and size. */
let seen = { mtimeMs: 0, size: 0 };
let last = Date.now();
const timer = setInterval(() => {
  const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (!wal || wal.mtimeMs === seen.mtimeMs) return;
  // The writer starts the WAL over after a checkpoint and, with journal_size_limit 0 (see WalCheckpointer),
  // truncates it to what it wrote since: a WAL shorter than at the last checkpoint holds only new frames.
  if (wal.size < seen.size) seen = { ...seen, size: 0 };
  const grown = (wal.size - seen.size) / frameBytes >= frames;
  if (!grown && Date.now() - last < maxDelayMs) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (a rebuild holding the file) or a passing I/O error: a later tick tries again.
  }
  // As stat saw it before the checkpoint: whatever was written meanwhile changed the time again.
  seen = { mtimeMs: wal.mtimeMs, size: wal.size };
  last = Date.now();
}, pollMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
