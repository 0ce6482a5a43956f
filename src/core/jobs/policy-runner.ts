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
import type { ReadModelDb } from '../projections/projection.js';
import type { Clock } from '../time/clock.js';
import type { QueuedJob } from './job-queue.js';
import { jobIdProblem, type JobRequest, type Policy } from './policy.js';

/** Checkpoint: the global position of the last event whose jobs are in the queue. */
export type PolicyStatus = ConsumerStatus;

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

interface Member extends GroupMember {
  policy: Policy;
  jobs: ReadonlySet<string>;
}

const BATCH = 500;
const RETRY_AFTER_FAILURE_MS = 5000;

/**
 * Feeds the policies from the event store (one subscription for all of them, the kernel's
 * ConsumerGroup, never the in-process event bus, so replay and live running are one code path) and
 * puts the jobs they ask for into the queue.
 *
 * Order per batch: react (pure) → enqueue → checkpoint. A crash between the last two enqueues the batch
 * again at the next start: at-least-once. The duplicates are absorbed twice over: by the deterministic
 * job id while the queue still holds the job, and by each handler's re-check of its condition.
 *
 * Checkpoints live in the read-model file (`policy_checkpoints`), beside the projections' own: like
 * them they belong to this app instance, and losing them only means a harmless replay.
 */
export class PolicyRunner {
  private readonly group: ConsumerGroup<Member>;
  private readonly checkpoints: CheckpointTable;
  private readonly db: ReadModelDb;
  private readonly store: EventStore;
  private readonly enqueue: (jobs: QueuedJob[]) => Promise<void>;
  private readonly clock: Clock;
  private readonly log: (message: string) => void;

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
    this.checkpoints = new CheckpointTable(options.db, 'policy_checkpoints');
    this.group = new ConsumerGroup<Member>({
      kind: 'policy',
      store: options.store,
      members: options.policies.map((policy) => ({
        name: policy.name,
        version: policy.version ?? 1,
        handles: new Set(policy.handles),
        jobs: new Set(policy.jobs),
        position: 0n,
        policy,
      })),
      apply: (batch, members) => this.apply(batch, members),
      batchSize: BATCH,
      retryAfterMs: options.retryAfterMs ?? RETRY_AFTER_FAILURE_MS,
      log: this.log,
    });
  }

  get names(): string[] {
    return this.group.names;
  }

  /** Starts every policy from its checkpoint; a new policy, or a new version, starts from the first event. */
  start(): void {
    for (const member of this.group.members.values()) {
      const stored = this.checkpoints.read(member.name);
      if (stored && stored.version !== member.version)
        this.log(`policy ${member.name}: version ${stored.version} → ${member.version}, replaying the log`);
      member.position = stored && stored.version === member.version ? stored.position : 0n;
      noteCheckpoint(member, stored?.position);
    }
    this.group.start();
  }

  /** Stops after the batch in flight and writes the checkpoints left behind (see `checkpointDue`). */
  async stop(): Promise<void> {
    await this.group.stop();
    if (!this.db.open) return;
    this.db.transaction(() => {
      for (const member of this.group.members.values())
        if (member.checkpoint !== member.position) this.checkpoints.advance(member, member.position);
    })();
  }

  /** Forgets a policy's checkpoint and runs it over the whole log again. */
  async replay(name: string): Promise<void> {
    const member = this.group.members.get(name);
    if (!member) throw new Error(`Unknown policy ${name}; known: ${this.names.join(', ')}`);
    member.position = 0n;
    this.checkpoints.advance(member, 0n);
    await this.group.restart();
  }

  /** Resolves true once every policy has enqueued the jobs of the event at `position`; false after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs = 5000): Promise<boolean> {
    return this.group.waitFor(position, timeoutMs);
  }

  async status(): Promise<PolicyStatus[]> {
    return this.group.status();
  }

  /**
   * The checkpoints as stored in the read-model file, for a process that does not run the policies (the
   * CLI, beside a running app): a new policy, or a new version, will go through the whole log again.
   */
  async stored(): Promise<StoredPolicyStatus[]> {
    return Promise.all(
      [...this.group.members.values()].map(async (member) => {
        const stored = this.checkpoints.read(member.name);
        const position = stored && stored.version === member.version ? stored.position : 0n;
        return {
          name: member.name,
          version: member.version,
          checkpoint: position.toString(),
          lag: await this.store.countAfter(position, 1_000_000),
          storedVersion: stored?.version ?? null,
        };
      }),
    );
  }

  /** Every policy's jobs for the batch go to the queue together; then their checkpoints move. */
  private async apply(batch: RecordedEvent[], members: Member[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const jobs: QueuedJob[] = [];
    const ready: { member: Member; tookEvents: boolean }[] = [];
    for (const member of members) {
      try {
        const own: QueuedJob[] = [];
        const events = eventsFor(member, batch);
        for (const event of events)
          for (const request of member.policy.react(event)) own.push(this.toJob(member, event, request));
        jobs.push(...own);
        ready.push({ member, tookEvents: events.length > 0 });
      } catch (error) {
        this.group.fail(member, error);
      }
    }
    try {
      await this.enqueue(jobs);
    } catch (error) {
      // Redis away: nothing moves; every policy of the batch retries from its checkpoint.
      for (const { member } of ready) this.group.fail(member, error);
      return;
    }
    // One transaction for all the checkpoints, and only those due: each commit writes the table's page.
    const now = Date.now();
    this.db.transaction(() => {
      for (const { member, tookEvents } of ready)
        if (checkpointDue(member, tookEvents, now)) this.checkpoints.advance(member, last, now);
    })();
    for (const { member } of ready) member.position = last;
  }
  private toJob(member: Member, event: RecordedEvent, request: JobRequest): QueuedJob {
    const { policy } = member;
    if (!member.jobs.has(request.name))
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
}
