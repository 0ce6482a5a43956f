import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { newEvent } from '../event-store/event-store.contract.js';
import { MemoryEventStore } from '../event-store/memory-event-store.js';
import type { ReadModelDb } from '../projections/projection.js';
import { openReadModelDb } from '../projections/read-model-db.js';
import { ManualClock } from '../time/clock.js';
import type { QueuedJob } from './job-queue.js';
import { jobId, type Policy } from './policy.js';
import { PolicyRunner } from './policy-runner.js';

/** Asks for a reminder the day before each deadline, and one "welcome" job per person. */
const remindersPolicy = (version = 1): Policy => ({
  name: 'test-reminders',
  version,
  handles: ['DeadlineSet', 'PersonArrived'],
  jobs: ['remind', 'welcome'],
  react: (event) => {
    const data = event.data as { id: string; due?: string; bad?: boolean };
    if (event.type === 'PersonArrived')
      return [{ name: data.bad ? 'unknown-job' : 'welcome', id: jobId('welcome', data.id), data }];
    return [
      { name: 'remind', id: jobId('remind', data.id), data, runAt: new Date(Date.parse(data.due!) - 86_400_000) },
    ];
  },
});

describe('PolicyRunner (in memory, no Redis)', () => {
  let store: MemoryEventStore;
  let db: ReadModelDb;
  let queued: QueuedJob[];
  let failing: boolean;
  const clock = new ManualClock('2026-03-01T00:00:00Z');
  const runners: PolicyRunner[] = [];

  const runner = (policy = remindersPolicy(), retryAfterMs = 20) => {
    const created = new PolicyRunner({
      store,
      db,
      policies: [policy],
      clock,
      retryAfterMs,
      enqueue: async (jobs) => {
        if (failing) throw new Error('Redis is away');
        queued.push(...jobs);
      },
    });
    runners.push(created);
    return created;
  };
  const checkpoint = () =>
    (db.prepare('SELECT position FROM policy_checkpoints WHERE name = ?').get('test-reminders') as { position: string })
      ?.position;

  beforeEach(() => {
    store = new MemoryEventStore(clock);
    db = openReadModelDb(':memory:');
    queued = [];
    failing = false;
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    db.close();
  });

  test('enqueues what react asks for, with the cause and a delay measured on the injected clock', async () => {
    await store.append('person-1', [newEvent('PersonArrived', { id: 'p1' }), newEvent('Ignored')], 'any');
    const deadline = await store.append(
      'task-1',
      [newEvent('DeadlineSet', { id: 't1', due: '2026-03-11T00:00:00Z' })],
      'any',
    );
    const r = runner();
    r.start();
    expect(await r.waitFor(deadline.position)).toBe(true);
    expect(queued.map((j) => [j.name, j.id, j.delayMs])).toEqual([
      ['welcome', 'welcome.p1', 0],
      ['remind', 'remind.t1', 9 * 86_400_000],
    ]);
    expect(queued[1].envelope.cause).toEqual({
      policy: 'test-reminders',
      eventId: deadline.events[0].id,
      eventType: 'DeadlineSet',
      position: deadline.position.toString(),
      correlationId: deadline.events[0].metadata.correlationId,
    });
    expect(checkpoint()).toBe(deadline.position.toString());
  });

  test('the checkpoint moves only after the queue took the jobs: a failure retries from it', async () => {
    failing = true;
    const arrived = await store.append('person-1', [newEvent('PersonArrived', { id: 'p1' })], 'any');
    const r = runner();
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(checkpoint()).toBeUndefined();
    expect((await r.status())[0]).toMatchObject({ checkpoint: '0', lag: 1 });
    failing = false;
    expect(await r.waitFor(arrived.position)).toBe(true);
    expect(queued.map((j) => j.id)).toEqual(['welcome.p1']);
  });

  test('a restart goes on from the checkpoint; replay and a new version go through the log again', async () => {
    const first = await store.append('person-1', [newEvent('PersonArrived', { id: 'p1' })], 'any');
    const r1 = runner();
    r1.start();
    await r1.waitFor(first.position);
    await r1.stop();
    const second = await store.append('person-2', [newEvent('PersonArrived', { id: 'p2' })], 'any');
    const r2 = runner();
    r2.start();
    await r2.waitFor(second.position);
    expect(queued.map((j) => j.id)).toEqual(['welcome.p1', 'welcome.p2']);

    await r2.replay('test-reminders');
    await r2.waitFor(second.position);
    expect(queued.map((j) => j.id)).toEqual(['welcome.p1', 'welcome.p2', 'welcome.p1', 'welcome.p2']);
    await r2.stop();

    queued = [];
    const r3 = runner(remindersPolicy(2));
    r3.start();
    await r3.waitFor(second.position);
    expect(queued.map((j) => j.id)).toEqual(['welcome.p1', 'welcome.p2']);
  });

  test('stored() reads the checkpoints without running: a new version goes on from 0', async () => {
    const arrived = await store.append('person-1', [newEvent('PersonArrived', { id: 'p1' })], 'any');
    expect(await runner().stored()).toEqual([
      { name: 'test-reminders', version: 1, checkpoint: '0', lag: 1, storedVersion: null },
    ]);
    const r = runner();
    r.start();
    await r.waitFor(arrived.position);
    await r.stop();
    await store.append('person-2', [newEvent('PersonArrived', { id: 'p2' })], 'any');
    expect(await runner().stored()).toEqual([
      { name: 'test-reminders', version: 1, checkpoint: arrived.position.toString(), lag: 1, storedVersion: 1 },
    ]);
    expect(await runner(remindersPolicy(2)).stored()).toEqual([
      { name: 'test-reminders', version: 2, checkpoint: '0', lag: 2, storedVersion: 1 },
    ]);
    expect(queued.map((j) => j.id)).toEqual(['welcome.p1']); // stored() queued nothing
  });

  test('a job the policy did not declare fails the batch instead of being queued', async () => {
    await store.append('person-1', [newEvent('PersonArrived', { id: 'p1', bad: true })], 'any');
    const r = runner(remindersPolicy(), 60_000);
    r.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queued).toEqual([]);
    expect((await r.status())[0].error).toMatch('asked for job "unknown-job", which is not among its jobs');
  });
});
