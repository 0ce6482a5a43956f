import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { SYSTEM_ACTOR, systemMetadata } from '../http/request-context.js';
import type { Clock } from '../time/clock.js';
import type { JobEnvelope, JobHandler } from './job-handler.js';
import { JOB_QUEUE } from './job-queue.js';

/** How long a job waits for this instance's read models to reach its cause before it retries. */
const READ_MODEL_WAIT_MS = 10_000;

/**
 * The one BullMQ worker: takes jobs off the queue and dispatches each by name to its handler. Before a
 * handler runs, this instance's read models catch up with the event that caused the job, so a re-check
 * or a decider's facts see at least what the policy saw.
 */
export class JobWorker {
  private readonly handlers: Map<string, JobHandler>;
  private worker?: Worker;

  constructor(
    private readonly connection: Redis,
    private readonly prefix: string,
    handlers: readonly JobHandler[],
    private readonly clock: Clock,
    private readonly readModels: { waitFor(position: bigint, timeoutMs: number): Promise<boolean> } | null,
    private readonly log: (message: string) => void = () => undefined,
    private readonly concurrency = 2,
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.name, handler]));
  }

  start(): void {
    this.worker = new Worker(JOB_QUEUE, (job: Job<JobEnvelope>) => this.process(job), {
      connection: this.connection,
      prefix: this.prefix,
      // Small: jobs send commands to the same store the API writes to, on two cores.
      concurrency: this.concurrency,
    });
    this.worker.on('failed', (job, error) =>
      this.log(
        `job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade} of ${job?.opts.attempts ?? 1}): ${error.message}`,
      ),
    );
    this.worker.on('error', (error) => this.log(`job worker: ${error.message}`));
  }

  /** Waits for the jobs in progress to finish, then lets go of the queue. */
  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  private async process(job: Job<JobEnvelope>): Promise<void> {
    const handler = this.handlers.get(job.name);
    // The start-up check makes this impossible for our own policies; a job left by an older version may still meet it.
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    const { data, cause } = job.data;
    if (this.readModels && !(await this.readModels.waitFor(BigInt(cause.position), READ_MODEL_WAIT_MS)))
      throw new Error(`read models have not reached position ${cause.position} yet`);
    await handler.handle(data, {
      jobId: job.id ?? '',
      name: job.name,
      attempt: job.attemptsMade + 1,
      cause,
      metadata: () => ({
        ...systemMetadata(this.clock, SYSTEM_ACTOR, cause.correlationId),
        causationId: cause.eventId,
      }),
    });
  }
}
