import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WalCheckpointWorkerInput } from './wal-checkpoint-worker.js';

const WORKER = new URL('./wal-checkpoint-worker.js', import.meta.url);

/** SQLite's own threshold, which the connection falls back on should the worker stop. */
const SQLITE_DEFAULT_PAGES = 1000;
/**
 * While the worker runs, the writing connection checkpoints only past this many WAL pages (64 MiB): a
 * backstop for a worker that falls far behind, never the common path.
 */
const BACKSTOP_PAGES = 16_000;

/**
 * Checkpoints a SQLite file's WAL on a worker thread, when it grew by 1,000 frames, or changed ten seconds ago
 * (see wal-checkpoint-worker.ts). By default SQLite does it inside the commit that takes the WAL past
 * 1,000 pages: that commit then copies the pages into the database and syncs it, on the main thread,
 * while every request waits. A registration writes about sixty read-model pages, so
 * this came every twenty writes; moved to a worker, single-client writes went from 188 to 266 a second
 * (docs/benchmarks.md). Where no worker can run (the `.ts` sources under jest, an in-memory database),
 * `start` returns null and SQLite's own checkpoints stay as they are.
 */
export class WalCheckpointer {
  private constructor(
    private readonly worker: Worker,
    private readonly exited: Promise<void>,
  ) {}

  static start(
    db: Database.Database,
    { pollMs = 50, frames = SQLITE_DEFAULT_PAGES, maxDelayMs = 10_000 } = {},
  ): WalCheckpointer | null {
    if (db.memory || !existsSync(fileURLToPath(WORKER))) return null;
    const workerData: WalCheckpointWorkerInput = { file: db.name, pollMs, frames, maxDelayMs };
    const worker = new Worker(WORKER, { workerData });
    worker.unref();
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    // When the writer starts the WAL over it truncates the file, so the worker reads the frames waiting off its size.
    db.pragma('journal_size_limit = 0');
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', () => {
        // Whatever ended it, the connection checkpoints for itself again.
        if (db.open) {
          db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
          db.pragma('journal_size_limit = -1');
        }
        resolve();
      }),
    );
    worker.on('error', () => undefined);
    return new WalCheckpointer(worker, exited);
  }

  /** Stops the worker after the checkpoint in progress, if any. Call before closing the database. */
  async stop(): Promise<void> {
    // Held until it exits: an unreferenced worker would let the process end while this is awaited.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
