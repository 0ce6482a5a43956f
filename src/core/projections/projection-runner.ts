import { CheckpointTable } from '../consumers/checkpoints.js';
import {
  checkpointDue,
  ConsumerGroup,
  eventsFor,
  noteCheckpoint,
  type ConsumerStatus,
  type GroupMember,
} from '../consumers/consumer-group.js';
import type { EventStore } from '../event-store/event-store.js';
import type { RecordedEvent } from '../messages.js';
import type { Projection, ReadModelDb } from './projection.js';

export type ProjectionStatus = ConsumerStatus;

export interface RebuildProgress {
  name: string;
  done: number;
  total: number;
}

interface Member extends GroupMember {
  projection: Projection;
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
 * Feeds every projection from the event store (never from the in-process event bus), so replay and
 * live running are one code path. All projections share one subscription (a ConsumerGroup), and each
 * batch is applied to all of them in ONE read-model transaction with their checkpoints: one commit per
 * batch instead of one per projection. A projection that fails rolls back alone and is retried later
 * while the others go on. A projection that read none of the batch's events writes its checkpoint at
 * most once a second (`checkpointDue`), and every checkpoint is written at stop. The transaction first
 * checks that each checkpoint is still the one this runner wrote or read, which keeps a rebuild from
 * another process safe.
 */
export class ProjectionRunner {
  private readonly group: ConsumerGroup<Member>;
  private readonly checkpoints: CheckpointTable;
  /** Live batches applied (each one read-model transaction for every projection behind). */
  readonly stats = { batches: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModelDb,
    projections: Projection[],
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.checkpoints = new CheckpointTable(db, 'projection_checkpoints');
    this.group = new ConsumerGroup<Member>({
      kind: 'projection',
      store,
      members: projections.map((projection) => ({
        name: projection.name,
        version: projection.version,
        handles: projection.handles.includes('*') ? null : new Set(projection.handles),
        position: 0n,
        projection,
      })),
      apply: (batch, members) => this.apply(batch, members),
      batchSize: LIVE_BATCH,
      retryAfterMs: RETRY_AFTER_FAILURE_MS,
      log,
    });
  }

  get names(): string[] {
    return this.group.names;
  }

  /** Creates tables, rebuilds projections whose version changed, and starts the subscription. */
  async start(): Promise<void> {
    for (const member of this.group.members.values()) this.prepare(member);
    this.group.start();
  }

  /** Resolves when every projection has caught up with the log as it was when this was called. */
  async caughtUp(): Promise<void> {
    const head = await this.store.headPosition();
    await this.waitFor(head, Number.MAX_SAFE_INTEGER);
  }

  /** Stops after the batch in flight and writes the checkpoints left behind (see `checkpointDue`). */
  async stop(): Promise<void> {
    await this.group.stop();
    if (!this.db.open) return;
    this.db.transaction(() => {
      const stored = this.checkpoints.readAll();
      for (const member of this.group.members.values())
        if (member.checkpoint !== member.position && stored.get(member.name) === member.checkpoint)
          this.checkpoints.advance(member, member.position);
    })();
  }

  /**
   * Waits until every projection has applied the event at `position`, so a client that just sent
   * a command reads its own write. Resolves false after `timeoutMs`.
   */
  async waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.group.waitFor(position, timeoutMs);
  }

  /**
   * Drops a projection's tables and replays the whole log into it, reporting progress. It reads only the
   * event types the projection handles, and creates the projection's deferred indexes after the replay:
   * building an index once over the final rows is cheaper than keeping it up to date through every event.
   * The shared subscription pauses meanwhile and then goes on from wherever each projection is.
   */
  async rebuild(name: string, onProgress: (progress: RebuildProgress) => void = () => undefined): Promise<number> {
    const member = this.group.members.get(name);
    if (!member) throw new Error(`Unknown projection ${name}; known: ${this.names.join(', ')}`);
    const wasRunning = this.group.isRunning;
    await this.group.stop();
    try {
      return await this.replay(member, onProgress);
    } finally {
      if (wasRunning) this.group.start();
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    return this.group.status();
  }

  private async replay(member: Member, onProgress: (progress: RebuildProgress) => void): Promise<number> {
    this.reset(member, { deferIndexes: true });
    const types = member.handles ? [...member.handles] : undefined;
    const [total, head] = await Promise.all([this.store.countAfter(0n), this.store.headPosition()]);
    // Skipped types are never read, so progress is measured along the log: the share of it behind the
    // checkpoint (exact for SQLite, whose positions count events; proportional for KurrentDB).
    const along = () => (head > 0n ? Number((member.position * BigInt(total)) / head) : 0);
    onProgress({ name: member.name, done: 0, total });
    let applied = 0;
    try {
      for (;;) {
        const batch = await this.store.readAll({ after: member.position, limit: REBUILD_BATCH, types });
        if (batch.length === 0) break;
        const last = batch[batch.length - 1].position;
        this.db.transaction(() =>
          this.applyTo(member, batch, last, this.checkpoints.read(member.name)?.position, true),
        )();
        this.moved(member, last, true);
        applied += batch.length;
        onProgress({ name: member.name, done: Math.min(along(), total), total });
      }
    } finally {
      this.createIndexes(member.projection);
    }
    member.error = undefined;
    onProgress({ name: member.name, done: total, total });
    // Events of the log the rebuild went through, applied or skipped (more if appends came meanwhile).
    return Math.max(total, applied);
  }

  private prepare(member: Member): void {
    const stored = this.checkpoints.read(member.name);
    if (!stored || stored.version !== member.version) {
      if (stored) this.log(`projection ${member.name}: version ${stored.version} → ${member.version}, rebuilding`);
      this.reset(member);
      return;
    }
    member.projection.init(this.db);
    this.createIndexes(member.projection);
    member.position = stored.position;
    noteCheckpoint(member, stored.position);
  }

  private reset(member: Member, { deferIndexes = false } = {}): void {
    const { projection } = member;
    this.db.transaction(() => {
      for (const table of projection.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      projection.init(this.db);
      if (!deferIndexes) this.createIndexes(projection);
      this.checkpoints.advance(member, 0n);
    })();
    member.position = 0n;
  }

  private createIndexes(projection: Projection): void {
    for (const sql of projection.indexes ?? []) this.db.exec(sql);
  }

  /**
   * One transaction for the whole batch. First without savepoints: SQLite copies every page a savepoint
   * touches, and an insert inside one cost half as much again (docs/benchmarks.md). Should any
   * projection fail, that transaction is rolled back and the batch applied again with each projection in
   * a savepoint of its own, so the failing one rolls back alone while the others go on.
   */
  private apply(batch: RecordedEvent[], members: Member[]): void {
    const last = batch[batch.length - 1].position;
    const now = Date.now();
    /** Per member: whether its checkpoint was written (it applied), or why it failed. */
    const outcomes = new Map<Member, boolean | { error: unknown }>();
    try {
      this.db.transaction(() => {
        const stored = this.checkpoints.readAll();
        for (const member of members)
          outcomes.set(member, this.applyTo(member, batch, last, stored.get(member.name), false, now));
      })();
    } catch {
      const applyOne = this.db.transaction((member: Member) =>
        this.applyTo(member, batch, last, this.checkpoints.read(member.name)?.position, false, now),
      );
      this.db.transaction(() => {
        for (const member of members) {
          try {
            outcomes.set(member, applyOne(member));
          } catch (error) {
            outcomes.set(member, { error });
          }
        }
      })();
    }
    this.stats.batches++;
    // Positions move only once the transaction committed.
    for (const [member, outcome] of outcomes) {
      if (typeof outcome === 'boolean') this.moved(member, last, outcome, now);
      else if (outcome.error instanceof CheckpointMoved) this.reload(member);
      else this.group.fail(member, outcome.error);
    }
  }

  /**
   * Applies the batch's events to one projection, inside the caller's transaction; true when it also
   * wrote the checkpoint (always when it took events in: rows and checkpoint move together).
   */
  private applyTo(
    member: Member,
    batch: RecordedEvent[],
    last: bigint,
    stored: bigint | undefined,
    always: boolean,
    now = Date.now(),
  ): boolean {
    if ((stored ?? 0n) !== (member.checkpoint ?? 0n)) throw new CheckpointMoved(member.name);
    const events = eventsFor(member, batch);
    for (const event of events) member.projection.evolve(this.db, event);
    member.projection.afterBatch?.(this.db, events);
    if (!always && !checkpointDue(member, events.length > 0, now)) return false;
    this.checkpoints.write(member.name, last, member.version);
    return true;
  }

  private moved(member: Member, last: bigint, checkpointWritten: boolean, now = Date.now()): void {
    member.position = last;
    if (checkpointWritten) noteCheckpoint(member, last, now);
  }

  /** Another process rebuilt this projection: go on from its checkpoint, from the next batch. */
  private reload(member: Member): void {
    member.position = this.checkpoints.read(member.name)?.position ?? 0n;
    noteCheckpoint(member, member.position);
    void this.group.restart();
  }
}
