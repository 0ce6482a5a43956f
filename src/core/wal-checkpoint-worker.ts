import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** What {@link WalCheckpointer} hands its worker thread. */
export interface WalCheckpointWorkerInput {
  file: string;
  intervalMs: number;
}

/**
 * The worker thread of a {@link WalCheckpointer}: copies the file's write-ahead log back into the database
 * every `intervalMs`, on a connection of its own. PASSIVE never waits for readers or writers; what it
 * cannot copy yet it copies next time. Synchronous FULL (the default) syncs the WAL before copying and the
 * database after, so a checkpoint never weakens the durability of either file.
 */
const { file, intervalMs } = workerData as WalCheckpointWorkerInput;
const db = new Database(file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (a rebuild holding the file) or a passing I/O error: the next tick tries again.
  }
}, intervalMs);
parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
