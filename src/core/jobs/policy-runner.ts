import { PositionWaiters } from '../event-store/position-waiters.js';
import type { EventStore, Subscription } from '../event-store/event-store.js';
import type { RecordedEvent } from '../messages.js';
import { statement, type ReadModelDb } from '../projections/projection.js';
import type { Clock } from '../time/clock.js';
import type { QueuedJob } from './job-queue.js';
import { jobIdProblem, type JobRequest, type Policy } from './policy.js';

export interface PolicyStatus {
  name: string;
  version: number;
  /** Global position of the last event whose jobs are in the queue. */
  checkpoint: string;
  lag: number;
  state: 'running' | 'stopped' | 'failed';
  error?: string;
}

/** A policy's stored checkpoint, read without running it (the CLI). */
export interface StoredPolicyStatus {
  name: string;
  version: number;
  /** Where the policy goes on from at its next start: its checkpoint, or 0 when it will replay the log. */
  checkpoint: string;
  lag: number;
  /** The version the checkpoint was written by; null when the policy has never run here. */
  storedVersion: number | null;
}

interface Running {
  policy: Policy;
  version: number;
  handles: Set<string>;
  jobs: Set<string>;
  position: bigint;
  subscription?: Subscription;
  error?: string;
}

const BATCH = 500;
const RETRY_AFTER_FAILURE_MS = 5000;

/**
 * Feeds each policy from the event store (subscribeAll from its own checkpoint, never the in-process
 * event bus, so replay and live running are one code path) and puts the jobs it asks for into the queue.
 *
 * Order per batch: react (pure) → enqueue → checkpoint. A crash between the last two enqueues the batch
 * again at the next start: at-least-once. The duplicates are absorbed twice over: by the deterministic
 * job id while the queue still holds the job, and by each handler's re-check of its condition.
 *
 * Checkpoints live in the read-model file (`policy_checkpoints`), beside the projections' own: like
 * them they belong to this app instance, and losing them only means a harmless replay.
 */
export class PolicyRunner {
  private readonly running = new Map<string, Running>();
  private readonly waiters = new PositionWaiters(() => [...this.running.values()].map((entry) => entry.position));
  private started = false;

  private readonly store: EventStore;
  private readonly db: ReadModelDb;
  private readonly enqueue: (jobs: QueuedJob[]) => Promise<void>;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;
  private readonly retryAfterMs: number;

  constructor(options: {
    store: EventStore;
    db: ReadModelDb;
    policies: readonly Policy[];
    /** Puts jobs into the queue; resolves once they are stored (BullMQ ignores an id it still holds). */
    enqueue: (jobs: QueuedJob[]) => Promise<void>;
    clock: Clock;
    log?: (message: string) => void;
    retryAfterMs?: number;
  }) {
    this.store = options.store;
    this.db = options.db;
    this.enqueue = options.enqueue;
    this.clock = options.clock;
    this.log = options.log ?? (() => undefined);
    this.retryAfterMs = options.retryAfterMs ?? RETRY_AFTER_FAILURE_MS;
    const { db, policies } = options;
    for (const policy of policies) {
      if (this.running.has(policy.name)) throw new Error(`Two policies named ${policy.name}`);
      this.running.set(policy.name, {
        policy,
        version: policy.version ?? 1,
        handles: new Set(policy.handles),
        jobs: new Set(policy.jobs),
        position: 0n,
      });
    }
    db.exec(`CREATE TABLE IF NOT EXISTS policy_checkpoints (
      name TEXT PRIMARY KEY, position TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
  }

  get names(): string[] {
    return [...this.running.keys()];
  }

  /** Starts every policy from its checkpoint; a new policy, or a new version, starts from the first event. */
  start(): void {
    this.started = true;
    for (const entry of this.running.values()) {
      const stored = this.readCheckpoint(entry.policy.name);
      if (stored && stored.version !== entry.version)
        this.log(`policy ${entry.policy.name}: version ${stored.version} → ${entry.version}, replaying the log`);
      entry.position = stored && stored.version === entry.version ? BigInt(stored.position) : 0n;
      this.spawn(entry);
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.running.values()].map((entry) => this.halt(entry)));
  }

  /** Forgets a policy's checkpoint and runs it over the whole log again. */
  async replay(name: string): Promise<void> {
    const entry = this.running.get(name);
    if (!entry) throw new Error(`Unknown policy ${name}; known: ${this.names.join(', ')}`);
    await this.halt(entry);
    entry.position = 0n;
    this.writeCheckpoint(entry, 0n);
    if (this.started) this.spawn(entry);
  }

  /** Resolves true once every policy has enqueued the jobs of the event at `position`; false after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.waiters.waitFor(position, timeoutMs);
  }

  async status(): Promise<PolicyStatus[]> {
    return Promise.all(
      [...this.running.values()].map(async (entry) => ({
        name: entry.policy.name,
        version: entry.version,
        checkpoint: entry.position.toString(),
        lag: await this.store.countAfter(entry.position, 1_000_000),
        state: entry.error ? 'failed' : entry.subscription ? 'running' : 'stopped',
        ...(entry.error ? { error: entry.error } : {}),
      })),
    );
  }

  /**
   * The checkpoints as stored in the read-model file, for a process that does not run the policies (the
   * CLI, beside a running app): a new policy, or a new version, will go through the whole log again.
   */
  async stored(): Promise<StoredPolicyStatus[]> {
    return Promise.all(
      [...this.running.values()].map(async (entry) => {
        const stored = this.readCheckpoint(entry.policy.name);
        const position = stored && stored.version === entry.version ? BigInt(stored.position) : 0n;
        return {
          name: entry.policy.name,
          version: entry.version,
          checkpoint: position.toString(),
          lag: await this.store.countAfter(position, 1_000_000),
          storedVersion: stored?.version ?? null,
        };
      }),
    );
  }

  private spawn(entry: Running): void {
    entry.error = undefined;
    const subscription = this.store.subscribeAll({ after: entry.position, batchSize: BATCH }, (batch) =>
      this.apply(entry, batch),
    );
    entry.subscription = subscription;
    subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (entry.subscription !== subscription || !this.started) return;
        entry.subscription = undefined;
        entry.error = error instanceof Error ? error.message : String(error);
        // Redis away, or a policy bug: retry from the checkpoint, nothing after it was acknowledged.
        this.log(`policy ${entry.policy.name} failed after ${entry.position}: ${entry.error}; retrying`);
        setTimeout(() => this.started && !entry.subscription && this.spawn(entry), this.retryAfterMs).unref();
      },
    );
  }

  private async halt(entry: Running): Promise<void> {
    const subscription = entry.subscription;
    entry.subscription = undefined;
    await subscription?.stop();
  }

  private async apply(entry: Running, batch: RecordedEvent[]): Promise<void> {
    const jobs: QueuedJob[] = [];
    for (const event of batch) {
      if (!entry.handles.has(event.type)) continue;
      for (const request of entry.policy.react(event)) jobs.push(this.toJob(entry, event, request));
    }
    await this.enqueue(jobs);
    const last = batch[batch.length - 1].position;
    this.writeCheckpoint(entry, last);
    entry.position = last;
    this.waiters.notify();
  }

  private toJob(entry: Running, event: RecordedEvent, request: JobRequest): QueuedJob {
    const { policy } = entry;
    if (!entry.jobs.has(request.name))
      throw new Error(`policy ${policy.name} asked for job "${request.name}", which is not among its jobs`);
    const problem = jobIdProblem(request.id);
    if (problem) throw new Error(`policy ${policy.name}: ${problem}`);
    // Business time decides when (a reminder three days before a deadline): the delay is measured on
    // the injected clock, then waited out by the queue in real time.
    const delayMs = request.runAt ? request.runAt.getTime() - this.clock.now().getTime() : (request.delayMs ?? 0);
    return {
      name: request.name,
      id: request.id,
      delayMs: Math.max(0, Math.round(delayMs)),
      envelope: {
        data: request.data,
        cause: {
          policy: policy.name,
          eventId: event.id,
          eventType: event.type,
          position: event.position.toString(),
          correlationId: event.metadata.correlationId,
        },
      },
    };
  }

  private readCheckpoint(name: string): { position: string; version: number } | undefined {
    return statement(this.db, 'SELECT position, version FROM policy_checkpoints WHERE name = ?').get(name) as
      { position: string; version: number } | undefined;
  }

  private writeCheckpoint(entry: Running, position: bigint): void {
    statement(
      this.db,
      `INSERT INTO policy_checkpoints (name, position, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version, updated_at = excluded.updated_at`,
    ).run(entry.policy.name, position.toString(), entry.version, new Date().toISOString());
  }
}
