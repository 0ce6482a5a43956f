import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { newEvent } from '../event-store/event-store.contract.js';
import { MemoryEventStore } from '../event-store/memory-event-store.js';
import type { ReadModelDb } from '../projections/projection.js';
import { openReadModelDb } from '../projections/read-model-db.js';
import { systemClock } from '../time/clock.js';
import type { JobContext, JobHandler } from './job-handler.js';
import { bullConnection, deleteJobKeys, enqueueJobs, openJobQueue } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import { jobId, type Policy } from './policy.js';
import { PolicyRunner } from './policy-runner.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One greeting per person; a reminder at the time the event names; a flaky job that fails once. */
const policy: Policy = {
  name: 'test-greetings',
  handles: ['PersonArrived', 'ReminderWanted', 'FlakyWanted'],
  jobs: ['greet', 'remind', 'flaky'],
  react: (event) => {
    const data = event.data as { id: string; at?: string };
    if (event.type === 'PersonArrived') return [{ name: 'greet', id: jobId('greet', data.id), data }];
    if (event.type === 'FlakyWanted') return [{ name: 'flaky', id: jobId('flaky', data.id), data }];
    return [{ name: 'remind', id: jobId('remind', data.id), data, runAt: new Date(data.at!) }];
  },
};

interface Run {
  name: string;
  data: unknown;
  context: JobContext;
  at: number;
}

/** The whole path against the real Redis: store → policy runner → BullMQ → worker → handler. */
describe('jobs: policies, BullMQ and the worker (real Redis)', () => {
  const prefix = `test-jobs-${process.pid}-${Date.now()}`;
  const runs: Run[] = [];
  let flakyFailures = 0;
  const handler = (name: string, fail = () => false): JobHandler => ({
    name,
    handle: async (data, context) => {
      if (fail()) throw new Error(`${name} failed on purpose`);
      runs.push({ name, data, context, at: Date.now() });
    },
  });
  const store = new MemoryEventStore();
  let db: ReadModelDb;
  let connections: Redis[];
  let queue: Queue;
  let worker: JobWorker;
  let runner: PolicyRunner;

  const until = async (condition: () => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  beforeAll(() => {
    db = openReadModelDb(':memory:');
    connections = [bullConnection(REDIS_URL, console.warn), bullConnection(REDIS_URL, console.warn)];
    queue = openJobQueue(connections[0], prefix);
    const handlers = [handler('greet'), handler('remind'), handler('flaky', () => flakyFailures++ === 0)];
    worker = new JobWorker(connections[1], prefix, handlers, systemClock, null);
    runner = new PolicyRunner({
      store,
      db,
      policies: [policy],
      enqueue: (jobs) => enqueueJobs(queue, jobs),
      clock: systemClock,
    });
    worker.start();
    runner.start();
  });

  afterAll(async () => {
    await runner.stop();
    await worker.stop();
    await queue.close();
    await Promise.all(connections.map((c) => c.quit()));
    db.close();
    await deleteJobKeys(REDIS_URL, prefix);
  });

  test('an event becomes one job, run by its handler with the cause in its metadata', async () => {
    const arrived = await store.append('person-1', [newEvent('PersonArrived', { id: 'p1' })], 'any');
    await until(() => runs.length === 1);
    const [run] = runs;
    expect(run).toMatchObject({ name: 'greet', data: { id: 'p1' } });
    expect(run.context).toMatchObject({ jobId: 'greet.p1', attempt: 1 });
    const event = arrived.events[0];
    expect(run.context.metadata()).toMatchObject({
      actorId: 'system',
      causationId: event.id,
      correlationId: event.metadata.correlationId,
    });
    expect(await (await queue.getJob('greet.p1'))?.getState()).toBe('completed');
  });

  test('a replay asks for the same job id again: BullMQ keeps the completed job and ignores the add', async () => {
    await runner.replay('test-greetings');
    await runner.waitFor(await store.headPosition());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs.filter((r) => r.name === 'greet')).toHaveLength(1);
  });

  test('runAt in the future waits in the delayed set, then runs', async () => {
    const at = new Date(Date.now() + 1200).toISOString();
    const wanted = Date.now();
    const wantedEvent = await store.append('reminder-1', [newEvent('ReminderWanted', { id: 'r1', at })], 'any');
    await runner.waitFor(wantedEvent.position);
    expect(await (await queue.getJob('remind.r1'))?.getState()).toBe('delayed');
    await until(() => runs.some((r) => r.name === 'remind'));
    const run = runs.find((r) => r.name === 'remind')!;
    expect(run.at - wanted).toBeGreaterThanOrEqual(1000);
  });

  test('a failing handler is retried with backoff', async () => {
    await store.append('flaky-1', [newEvent('FlakyWanted', { id: 'f1' })], 'any');
    await until(() => runs.some((r) => r.name === 'flaky'));
    expect(runs.find((r) => r.name === 'flaky')!.context.attempt).toBe(2);
    expect(flakyFailures).toBe(2);
  });
});
