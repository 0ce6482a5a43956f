import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';

/** What {@link WalCheckpointer} hands its worker thread. */
export interface WalCheckpointWorkerInput {
  file: string;
  /** How often the WAL's length is looked at. */
  pollMs: number;
  /** Checkpoint as soon as this many frames wait (SQLite's own threshold is 1,000). */
  frames: number;
  /** Checkpoint fewer frames once they have waited this long. */
  maxDelayMs: number;
}

/**
 * The worker thread of a {@link WalCheckpointer}: copies the file's write-ahead log back into the database on
 * a connection of its own. It reads how many frames wait in the wal-index header of the `-shm` file
 * (https://sqlite.org/walformat.html: `mxFrame` at byte 16, the checkpoint's `nBackfill` at byte 96, both
 * in the machine's byte order), and checkpoints when `frames` wait, or fewer have waited `maxDelayMs`: as
 * often as SQLite would, not on every tick, because each checkpoint syncs the disk. PASSIVE never waits
 * for readers or writers; what it cannot copy yet it copies next time. Synchronous FULL (the default)
 * syncs the WAL before copying and the database after, so a checkpoint never weakens durability.
 */
const { file, pollMs, frames, maxDelayMs } = workerData as WalCheckpointWorkerInput;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 0');

const header = Buffer.alloc(100);
const little = endianness() === 'LE';
const u32 = (offset: number) => (little ? header.readUInt32LE(offset) : header.readUInt32BE(offset));
/** Frames written since the last checkpoint; null when the header cannot be read (then: checkpoint by time). */
const waiting = (): number | null => {
  try {
    const fd = openSync(`${file}-shm`, 'r');
    try {
      if (readSync(fd, header, 0, 100, 0) < 100 || u32(0) !== 3007000) return null;
    } finally {
      closeSync(fd);
    }
    const [mxFrame, backfilled] = [u32(16), u32(96)];
    return mxFrame >= backfilled ? mxFrame - backfilled : mxFrame;
  } catch {
    return null;
  }
};

let last = Date.now();
const timer = setInterval(() => {
  const count = waiting();
  const waited = Date.now() - last;
  if (count === 0 || (count !== null && count < frames && waited < maxDelayMs)) return;
  if (count === null && waited < maxDelayMs) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (a rebuild holding the file) or a passing I/O error: a later tick tries again.
  }
  last = Date.now();
}, pollMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
