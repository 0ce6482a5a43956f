import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config.js';
import type { Bilingual } from './errors.js';
import type { ReadModelDb } from './projections/projection.js';
import { READ_MODEL_DB } from './projections/read-model-db.js';
import { freeBytes, sqliteFiles, STORAGE_TEXT, unwritableFile, type StorageProblem } from './storage.js';

/** Whether the data folder takes writes, as /api/health reports it. */
export interface StoreWritability {
  writable: boolean;
  dataDir: string;
  /** Free bytes on its file system (null where the platform cannot tell). */
  freeBytes: number | null;
  problem?: Exclude<StorageProblem, 'busy'>;
  message?: Bilingual;
}

/** Below this much free space the store is reported full: SQLite needs room for its -wal and -shm pages. */
export const FULL_BELOW_BYTES = 1024 * 1024;

/**
 * Watches whether the data folder can be written: free space and write access to the SQLite files on
 * every health check, plus the last write that failed for want of storage (the error filter reports
 * it). A remembered failure is re-tried with a one-row write at each check, and forgotten as soon as
 * that succeeds: the app needs no restart when space returns.
 */
@Injectable()
export class StorageMonitor {
  private failure: Exclude<StorageProblem, 'busy'> | null = null;
  private readonly files: string[];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {
    const local = config.eventStore.kind === 'sqlite' ? [config.eventStore.sqliteFile] : [];
    this.files = config.eventStore.kind === 'memory' ? [] : [...local, config.readModelFile].flatMap(sqliteFiles);
  }

  /** A write failed for want of storage (the error filter calls this). */
  noteFailure(problem: StorageProblem): void {
    if (problem !== 'busy') this.failure = problem;
  }

  check(): StoreWritability {
    const dataDir = this.config.dataDir;
    if (this.config.eventStore.kind === 'memory') return { writable: true, dataDir, freeBytes: null };
    const free = freeBytes(dataDir);
    const problem =
      free !== null && free < FULL_BELOW_BYTES ? 'full' : unwritableFile(this.files) ? 'read-only' : this.retry();
    return problem
      ? { writable: false, dataDir, freeBytes: free, problem, message: STORAGE_TEXT[problem] }
      : { writable: true, dataDir, freeBytes: free };
  }

  /** Re-tries a remembered failure with a tiny write of its own; null once the folder takes writes again. */
  private retry(): Exclude<StorageProblem, 'busy'> | null {
    if (!this.failure) return null;
    try {
      this.db.exec('CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL)');
      this.db.prepare('INSERT OR REPLACE INTO storage_probe VALUES (1, ?)').run(new Date().toISOString());
      this.failure = null;
    } catch {
      // still failing: keep reporting what the last real write ran into
    }
    return this.failure;
  }
}
