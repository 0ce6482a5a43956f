import { PositionWaiters } from '../event-store/position-waiters.js';
import type { RecordedEvent } from '../messages.js';
import type { EventStore, Subscription } from '../event-store/event-store.js';
import { statement, type Projection, type ReadModelDb } from './projection.js';

export interface ProjectionStatus {
  name: string;
  version: number;
  /** Global position of the last event applied. */
  checkpoint: string;
  /** Events in the store after the checkpoint (capped at 1,000,000). */
  lag: number;
  state: 'running' | 'stopped' | 'failed';
  error?: string;
}

export interface RebuildProgress {
  name: string;
  done: number;
  total: number;
}

interface Running {
  projection: Projection;
  handles: Set<string>;
  position: bigint;
  subscription?: Subscription;
  error?: string;
}

/** Raised inside a batch when another process (a CLI rebuild) moved the checkpoint. */
class CheckpointMoved extends Error {}

const LIVE_BATCH = 500;
/**
 * Events per page and transaction in a rebuild. Small pages keep the decoded events in V8's young
 * generation: pages of 2000 cost about 8.6 µs of CPU per event on the bench log, pages of 5000 about 12.8
 * and of 20,000 about 18.6, mostly garbage collection (docs/benchmarks.md). Since the deferred indexes
 * are built after the replay, a commit writes few pages, so frequent commits cost little.
 */
const REBUILD_BATCH = 2000;
const RETRY_AFTER_FAILURE_MS = 5000;

/**
 * Feeds each projection from the event store (never from the in-process event bus), so replay
 * and live running are one code path. Each projection has its own checkpoint; a batch's row
 * changes and its checkpoint commit in one transaction, and the transaction first checks that
 * the checkpoint is still the one this runner read, which keeps a rebuild from another process safe.
 */
export class ProjectionRunner {
  private readonly running = new Map<string, Running>();
  private readonly waiters = new PositionWaiters(() => [...this.running.values()].map((entry) => entry.position));
  private started = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    projections: Projection[],
    private readonly log: (message: string) => void = () => undefined,
  ) {
    for (const projection of projections) {
      if (this.running.has(projection.name)) throw new Error(`Two projections named ${projection.name}`);
      this.running.set(projection.name, { projection, handles: new Set(projection.handles), position: 0n });
    }
  }

  get names(): string[] {
    return [...this.running.keys()];
  }

  /** Creates tables, rebuilds projections whose version changed, and starts every subscription. */
  async start(): Promise<void> {
    this.started = true;
    for (const entry of this.running.values()) {
      this.prepare(entry);
      this.spawn(entry);
    }
  }

  /** Resolves when every projection has caught up with the log as it was when start() ran. */
  async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    await this.waitFor(head, Number.MAX_SAFE_INTEGER);
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.running.values()].map((entry) => this.halt(entry)));
  }

  /**
   * Waits until every projection has applied the event at `position`, so a client that just sent
   * a command reads its own write. Resolves false after `timeoutMs`.
   */
  async waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  /**
   * Drops a projection's tables and replays the whole log into it, reporting progress. It reads only the
   * event types the projection handles, and creates the projection's deferred indexes after the replay:
   * building an index once over the final rows is cheaper than keeping it up to date through every event.
   */
  async rebuild(name: string, onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<number> {
    const entry = this.running.get(name);
    if (!entry) throw new Error(`Unknown projection ${name}; known: ${this.names.join(', ')}`);
    await this.halt(entry);
    this.reset(entry, { deferIndexes: true });
    const types = entry.handles.has('*') ? undefined : [...entry.handles];
    const [total, head] = await Promise.all([this.store.countAfter(0n), this.store.headPosition()]);
    // Skipped types are never read, so progress is measured along the log: the share of it behind the
    // checkpoint (exact for SQLite, whose positions count events; proportional for KurrentDB).
    const along = () => (head > 0n ? Number((entry.position * BigInt(total)) / head) : 0);
    onProgress({ name, done: 0, total });
    let applied = 0;
    try {
      for (;;) {
        const batch = await this.store.readAll({ after: entry.position, limit: REBUILD_BATCH, types });
        if (batch.length === 0) break;
        this.apply(entry, batch);
        applied += batch.length;
        onProgress({ name, done: Math.min(along(), total), total });
      }
    } finally {
      this.createIndexes(entry.projection);
    }
    onProgress({ name, done: total, total });
    if (this.started) this.spawn(entry);
    // Events of the log the rebuild went through, applied or skipped (more if appends came meanwhile).
    return Math.max(total, applied);
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      [...this.running.values()].map(async (entry) => ({
        name: entry.projection.name,
        version: entry.projection.version,
        checkpoint: entry.position.toString(),
        lag: await this.store.countAfter(entry.position, 1_000_000),
        state: entry.error ? 'failed' : entry.subscription ? 'running' : 'stopped',
        ...(entry.error ? { error: entry.error } : {}),
      })),
    );
  }

  private prepare(entry: Running): void {
    const stored = this.readCheckpoint(entry.projection.name);
    if (!stored || stored.version !== entry.projection.version) {
      if (stored)
        this.log(
          `projection ${entry.projection.name}: version ${stored.version} → ${entry.projection.version}, rebuilding`,
        );
      this.reset(entry);
      return;
    }
    entry.projection.init(this.db);
    this.createIndexes(entry.projection);
    entry.position = BigInt(stored.position);
  }

  private reset(entry: Running, { deferIndexes = false } = {}): void {
    const { projection } = entry;
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      projection.init(this.db);
      if (!deferIndexes) this.createIndexes(projection);
      this.writeCheckpoint(projection, 0n);
    })();
    entry.position = 0n;
  }

  private createIndexes(projection: Projection): void {
    for (const sql of projection.indexes ?? []) this.db.exec(sql);
  }

  private spawn(entry: Running): void {
    entry.error = undefined;
    const subscription = this.store.subscribeAll({ after: entry.position, batchSize: LIVE_BATCH }, (batch) =>
      this.apply(entry, batch),
    );
    entry.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (entry.subscription !== subscription || !this.started) return;
        entry.subscription = undefined;
        if (error instanceof CheckpointMoved) {
          entry.position = BigInt(this.readCheckpoint(entry.projection.name)?.position ?? '0');
          this.spawn(entry);
          return;
        }
        entry.error = error instanceof Error ? error.message : String(error);
        this.log(`projection ${entry.projection.name} failed at ${entry.position}: ${entry.error}; retrying`);
        setTimeout(() => this.started && !entry.subscription && this.spawn(entry), RETRY_AFTER_FAILURE_MS).unref();
      },
    );
  }

  private async halt(entry: Running): Promise<void> {
    const subscription = entry.subscription;
    entry.subscription = undefined;
    await subscription?.stop();
  }

  private apply(entry: Running, batch: RecordedEvent[]): void {
    const { projection, handles } = entry;
    const last = batch[batch.length - 1].position;
    this.db.transaction(() => {
      const stored = this.readCheckpoint(projection.name);
      if (BigInt(stored?.position ?? '0') !== entry.position) throw new CheckpointMoved(projection.name);
      const all = handles.has('*');
      for (const event of batch) if (all || handles.has(event.type)) projection.evolve(this.db, event);
      this.writeCheckpoint(projection, last);
    })();
    entry.position = last;
    this.waiters.notify();
  }

  private readCheckpoint(name: string): { position: string; version: number } | undefined {
    return statement(this.db, 'SELECT position, version FROM projection_checkpoints WHERE name = ?').get(name) as
      { position: string; version: number } | undefined;
  }

  private writeCheckpoint(projection: Projection, position: bigint): void {
    statement(
      this.db,
      `INSERT INTO projection_checkpoints (name, position, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version, updated_at = excluded.updated_at`,
    ).run(projection.name, position.toString(), projection.version, new Date().toISOString());
  }
}
