import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobEnvelope } from './job-handler.js';

/** The one queue of the application; job names tell the kinds of work apart. */
export const JOB_QUEUE = 'party-ledger';

const DAY_SECONDS = 86_400;

/**
 * Every job: retried with exponential backoff (2 s, 4 s, 8 s … about 4 minutes in all) so a Redis or
 * store hiccup heals by itself. Completed jobs are kept for 30 days (at most 50,000): while a job is
 * kept, BullMQ ignores a second add with its id, which absorbs the duplicates of a replay cheaply. That
 * is only an optimisation: after the job is gone an add runs it again, and the handler's re-check is
 * what keeps the effect single. Failed jobs stay 90 days for an operator to look at.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 30 * DAY_SECONDS, count: 50_000 },
  removeOnFail: { age: 90 * DAY_SECONDS },
};

/** A job on its way into the queue. */
export interface QueuedJob {
  name: string;
  id: string;
  envelope: JobEnvelope;
  delayMs: number;
}

/**
 * A dedicated connection for BullMQ (never the shared REDIS client): its workers block on Redis and
 * need `maxRetriesPerRequest: null`, so a command waits for a reconnect instead of failing.
 */
export const bullConnection = (url: string, log: (message: string) => void): Redis => {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  // ioredis repeats the same error on every reconnect attempt: say it once until it is ready again.
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported) log(`Redis connection for the job queue: ${error.message}; reconnecting`);
    reported = true;
  });
  client.on('ready', () => (reported = false));
  return client;
};

export const openJobQueue = (connection: Redis, prefix: string): Queue =>
  new Queue(JOB_QUEUE, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });

/** Adds jobs in one round trip; an id the queue still holds is ignored by BullMQ. */
export const enqueueJobs = async (queue: Queue, jobs: QueuedJob[]): Promise<void> => {
  if (jobs.length === 0) return;
  await queue.addBulk(
    jobs.map((job) => ({
      name: job.name,
      data: job.envelope,
      opts: { jobId: job.id, ...(job.delayMs > 0 ? { delay: job.delayMs } : {}) },
    })),
  );
};

/** Deletes every key under `prefix` (tests: each test app has its own prefix). */
export const deleteJobKeys = async (url: string, prefix: string): Promise<void> => {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  client.on('error', () => undefined);
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
};
