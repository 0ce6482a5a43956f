import type { EventStore, Subscription } from '../event-store/event-store.js';
import { PositionWaiters } from '../event-store/position-waiters.js';
import type { RecordedEvent } from '../messages.js';

/** One consumer of the log (a projection, a policy) as the group tracks it. */
export interface GroupMember {
  readonly name: string;
  readonly version: number;
  /** Event types it reads; `null` for every type. */
  readonly handles: ReadonlySet<string> | null;
  /** Global position of the last event it has taken in. */
  position: bigint;
  /**
   * The position its stored checkpoint holds, as this process last wrote or read it, and when that
   * was (ms): a member that only skipped events writes its checkpoint at most once in
   * {@link IDLE_CHECKPOINT_MS} (see {@link checkpointDue}).
   */
  checkpoint?: bigint;
  checkpointAt?: number;
  /** Why its last batch failed; it sits out until `retryAt`, then the group goes back to its position. */
  error?: string;
  retryAt?: number;
}

export interface ConsumerStatus {
  name: string;
  version: number;
  checkpoint: string;
  /** Events in the store after the checkpoint (capped at 1,000,000). */
  lag: number;
  state: 'running' | 'stopped' | 'failed';
  error?: string;
}

/**
 * What a kind of consumer does with a batch: take in, for each member given, the events after its
 * position (`eventsFor`), and move its checkpoint to the batch's last position. A member it cannot
 * serve is marked with {@link ConsumerGroup.fail} and left where it was; the others go on.
 */
export type ApplyBatch<M extends GroupMember> = (batch: RecordedEvent[], members: M[]) => void | Promise<void>;

export interface ConsumerGroupOptions<M extends GroupMember> {
  store: EventStore;
  members: readonly M[];
  apply: ApplyBatch<M>;
  batchSize: number;
  retryAfterMs: number;
  log: (message: string) => void;
  /** 'projection' or 'policy', for log lines. */
  kind: string;
}

/**
 * How often the checkpoint of a member that only skipped events is written. About forty consumers
 * share each batch and most of them read none of its events: writing all their checkpoints every batch
 * cost as much as the events themselves. A checkpoint left behind costs nothing but skipping the same
 * events again after a restart.
 */
export const IDLE_CHECKPOINT_MS = 1000;

/** Whether `member`'s checkpoint is written with this batch: always when it took events in, else when stale. */
export const checkpointDue = (member: GroupMember, tookEvents: boolean, now: number): boolean =>
  tookEvents || member.checkpoint === undefined || now - (member.checkpointAt ?? 0) >= IDLE_CHECKPOINT_MS;

/**
 * Notes in memory that `member`'s stored checkpoint now holds `position` (undefined: none is stored), as
 * written or read at `now`. Callers note it only once the write committed: a rolled-back batch leaves the
 * member's record as it was.
 */
export const noteCheckpoint = (member: GroupMember, position: bigint | undefined, now = Date.now()): void => {
  member.checkpoint = position;
  member.checkpointAt = now;
};

/** The events of `batch` that `member` has not taken in yet and reads. */
export const eventsFor = (member: GroupMember, batch: readonly RecordedEvent[]): RecordedEvent[] =>
  batch.filter((event) => event.position > member.position && (!member.handles || member.handles.has(event.type)));

/**
 * The kernel's one checkpointed consumer: a group of consumers fed by ONE subscription to the log,
 * from the position of the member furthest behind, so that each batch is read once and handed to
 * every member together (projections then commit it in one transaction). Catch-up and live running
 * are the same path. A member whose batch fails sits out and is retried from its checkpoint after a
 * pause, while the rest go on; `waitFor` lets a writer read its own write.
 */
export class ConsumerGroup<M extends GroupMember> {
  readonly members: ReadonlyMap<string, M>;
  private readonly waiters: PositionWaiters;
  private subscription?: Subscription;
  private running = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(private readonly options: ConsumerGroupOptions<M>) {
    const members = new Map<string, M>();
    for (const member of options.members) {
      if (members.has(member.name)) throw new Error(`Two ${options.kind}s named ${member.name}`);
      members.set(member.name, member);
    }
    this.members = members;
    this.waiters = new PositionWaiters(() => [...members.values()].map((member) => member.position));
  }

  get names(): string[] {
    return [...this.members.keys()];
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts the subscription from the member furthest behind. */
  start(): void {
    this.running = true;
    this.spawn();
  }

  /** Stops after the batch in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retryTimer);
    await this.halt();
  }

  /** Restarts the subscription, e.g. after a member's position was moved back (a replay). */
  async restart(): Promise<void> {
    await this.halt();
    if (this.running) this.spawn();
  }

  /** Resolves true once every member has taken in the event at `position`; false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  /** Marks a member's batch as failed: it keeps its position and is retried after the pause. */
  fail(member: M, error: unknown): void {
    member.error = error instanceof Error ? error.message : String(error);
    member.retryAt = Date.now() + this.options.retryAfterMs;
    this.options.log(
      `${this.options.kind} ${member.name} failed after ${member.position}: ${member.error}; retrying in ${this.options.retryAfterMs} ms`,
    );
    clearTimeout(this.retryTimer);
    const due = member.retryAt;
    this.retryTimer = setTimeout(() => {
      // A timer may fire a millisecond before Date.now() reaches `retryAt`; the member would then sit out the
      // restart with no timer left to bring it back. Every member due by this timer is due now.
      for (const other of this.members.values())
        if (other.retryAt !== undefined && other.retryAt <= due) other.retryAt = undefined;
      void this.restart();
    }, this.options.retryAfterMs).unref();
  }

  async status(): Promise<ConsumerStatus[]> {
    return Promise.all(
      [...this.members.values()].map(async (member) => ({
        name: member.name,
        version: member.version,
        checkpoint: member.position.toString(),
        lag: await this.options.store.countAfter(member.position, 1_000_000),
        state: member.error ? 'failed' : this.subscription ? 'running' : 'stopped',
        ...(member.error ? { error: member.error } : {}),
      })),
    );
  }

  private spawn(): void {
    if (this.members.size === 0) return;
    const from = [...this.members.values()].reduce((low, m) => (m.position < low ? m.position : low), -1n);
    const after = from < 0n ? 0n : from;
    const subscription = this.options.store.subscribeAll({ after, batchSize: this.options.batchSize }, (batch) =>
      this.deliver(batch),
    );
    this.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.subscription !== subscription || !this.running) return;
        // The store failed (or a kind's apply threw for the whole group): every member behind retries.
        this.subscription = undefined;
        for (const member of this.members.values()) if (!member.error) this.fail(member, error);
      },
    );
  }

  private async halt(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  private async deliver(batch: RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const now = Date.now();
    const due = [...this.members.values()].filter((member) => {
      if (member.position >= last) return false;
      if (member.retryAt !== undefined && member.retryAt > now) return false;
      member.retryAt = undefined;
      return true;
    });
    if (due.length > 0) await this.options.apply(batch, due);
    for (const member of due) if (member.position >= last) member.error = undefined;
    this.waiters.notify();
  }
}
