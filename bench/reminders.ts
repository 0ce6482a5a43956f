import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { Redis } from 'ioredis';
import type { Feature } from '../src/core/feature.js';
import { EVENT_STORE, type EventStore } from '../src/core/event-store/event-store.js';
import { sqlText } from '../src/core/obligations.js';
import type { ReadModelDb } from '../src/core/projections/projection.js';
import { READ_MODEL_DB } from '../src/core/projections/read-model-db.js';
import { startTestApp, type TestApp } from '../src/core/testing/test-app.js';
import { addDays, shanghaiDate } from '../src/core/time/local-date.js';
import { FEATURES } from '../src/features.js';
import { ReminderEngine, REMINDER_QUEUE } from '../src/reminders/reminder-engine.js';
import { envInt, withTempDir } from './util.js';

/**
 * The reminders' speed (issue 14 §8), on the real app (real SQLite files, the real Redis, a local HTTP sink
 * answering as a DingTalk robot does):
 * 1. 10,000 obligations due today (BENCH_REMINDERS), each for the instructor of one of 500 units, each unit
 *    with its own DingTalk robot (20 reminders a robot: within its 20 a minute) → scan → 10,000 ReminderSent
 *    in the instructor's inbox and 10,000 signed posts to the sink. Timed from the scan to the last post.
 * 2. 10,000 more due in 20 days (delayed jobs) → the app restarts on the same files and queue → its scan at
 *    start and two more schedule nothing new and send nothing twice.
 * Baseline from the same run: bare BullMQ, 10,000 no-op jobs added in bulk and processed (concurrency 16).
 * The obligations come from a bench feature's own table, filled at start (no roster to build first).
 */
const UNITS = 500;

const BENCH_TABLE = 'reminders_bench_open';

/**
 * The bench feature: its open obligations are rows of its own read-model table, as a real feature's are
 * (keyed by id, so the re-check at fire time reads one row), written when the app starts.
 */
const benchFeature = (count: number, today: string, later: string): Feature => {
  @Module({})
  class RemindersBenchModule implements OnModuleInit {
    constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
    onModuleInit() {
      this.db.exec(`DROP TABLE IF EXISTS ${BENCH_TABLE};
        CREATE TABLE ${BENCH_TABLE} (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, due_on TEXT NOT NULL);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count * 2})
        INSERT INTO ${BENCH_TABLE}
          SELECT 'o' || i, 'u' || (i % ${UNITS}), CASE WHEN i <= ${count} THEN '${today}' ELSE '${later}' END FROM n;`);
    }
  }
  return {
    name: 'reminders-bench',
    module: RemindersBenchModule,
    events: [],
    obligations: [
      {
        codes: [
          { code: 'C1', title: { zh: '指导员每月到校指导', en: 'Monthly visit' }, who: 'party_building_instructor' },
        ],
        openSql: `SELECT id, 'C1' AS code, ${sqlText('指导员每月到校指导')} AS title_zh, 'Monthly visit' AS title_en,
            'unit' AS subject_kind, unit_id AS subject_id, '学校' || substr(unit_id, 2) AS subject_name, unit_id,
            NULL AS org_id, due_on, NULL AS not_before, 'party_building_instructor' AS who, NULL AS opened_on
          FROM ${BENCH_TABLE}`,
      },
    ],
  };
};

const startSink = async () => {
  let posts = 0;
  let lastAt = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      posts += 1;
      lastAt = Date.now();
      response.setHeader('content-type', 'application/json');
      response.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send`,
    stats: () => ({ posts, lastAt }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const waitUntil = async (check: () => Promise<boolean>, what: string, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Bare BullMQ: add N no-op jobs in bulk and process them, the floor under the reminders' own jobs. */
const baseline = async (count: number, redisUrl: string) => {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = `bench-baseline-${process.pid}`;
  const queue = new Queue('baseline', { connection, prefix });
  let done = 0;
  const started = Date.now();
  const worker = new Worker('baseline', async () => undefined, {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    prefix,
    concurrency: 16,
  });
  worker.on('completed', () => (done += 1));
  for (let i = 0; i < count; i += 500)
    await queue.addBulk(
      Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
        name: 'noop',
        data: {},
        opts: { jobId: `n${i + k}x` },
      })),
    );
  await waitUntil(async () => done >= count, 'the baseline jobs', 300_000);
  const ms = Date.now() - started;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return ms;
};

const countType = async (store: EventStore, type: string) => (await store.readAll({ types: [type] })).length;

export const runRemindersBench = async () =>
  withTempDir('reminders', async (dataDir) => {
    const count = envInt('BENCH_REMINDERS', 10_000);
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const today = shanghaiDate(new Date());
    const features = [...FEATURES, benchFeature(count, today, addDays(today, 28))];
    const sink = await startSink();
    const prefix = `bench-reminders-${process.pid}`;
    process.env.REMINDERS_CONCURRENCY ??= '16';
    const env = { JOBS_PREFIX: prefix, LOG_LEVEL: 'error' };
    const baselineMs = await baseline(count, redisUrl);

    // The county first, without the bench's obligations: the instructor, their channel, the robots, the settings.
    // (Obligations already open when a recipient is added are not reminded again at the same offset.)
    let t: TestApp = await startTestApp({ dataDir, features: FEATURES, env });
    const unitIds = Array.from({ length: UNITS }, (_, i) => `u${i}`);
    const created = await t.request('POST', '/users', {
      username: 'instructor-bench',
      displayName: '指导员',
      password: 'bench-pass-2026',
      role: 'instructor',
      unitIds,
    });
    if (created.status !== 201) throw new Error(`instructor: ${JSON.stringify(created.body)}`);
    const instructor = await t.login('instructor-bench', 'bench-pass-2026');
    await t.requestAs(instructor, 'PUT', '/reminder-channels/me', { channels: ['robot'] });
    for (const unitId of unitIds) {
      const robot = await t.request('POST', '/reminder-robots', {
        name: `机器人${unitId}`,
        kind: 'dingtalk',
        url: `${sink.url}?access_token=${unitId}`,
        secret: `SEC${unitId}-0123456789`,
        unitId,
      });
      if (robot.status !== 201) throw new Error(`robot: ${JSON.stringify(robot.body)}`);
    }
    // Reminders go out from midnight: whatever the hour of the run, today's are due now.
    const settings = { offsets: [-7, -1, 0, 1], escalateAfterWorkingDays: 3, sendHour: 0, digestHour: 17 };
    if ((await t.request('PUT', '/reminder-settings', settings)).status !== 200) throw new Error('settings');
    await t.close();

    // Then the app with the bench's obligations: its scan at start finds them all due. Timed from the start.
    const started = Date.now();
    t = await startTestApp({ dataDir, features, env });
    try {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const token = await t.login('instructor-bench', 'bench-pass-2026');
      await waitUntil(async () => sink.stats().posts >= count, 'the robot posts', 600_000);
      const deliveredMs = sink.stats().lastAt - started;
      await waitUntil(async () => (await countType(store, 'ReminderDelivered')) >= count, 'recorded', 120_000);
      const recordedMs = Date.now() - started;
      const sent = await countType(store, 'ReminderSent');
      const unread = (await t.requestAs(token, 'GET', '/reminder-inbox/unread')).body.unread as number;
      const queue = t.app.get(ReminderEngine).openQueue();
      const delayedBefore = (await queue.getJobCounts('delayed')).delayed;

      // A restart on the same files and queue: its scan at start and two more schedule nothing new.
      await t.close();
      const restartStarted = Date.now();
      t = await startTestApp({ dataDir, features, env });
      const engine = t.app.get(ReminderEngine);
      await engine.scan();
      const scanMs = Date.now() - restartStarted;
      const added = await engine.scan();
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const store2 = t.app.get<EventStore>(EVENT_STORE);
      const restarted = {
        scanMs,
        jobsAsked: added,
        delayedBefore,
        delayedAfter: (await engine.openQueue().getJobCounts('delayed')).delayed,
        sentAfter: await countType(store2, 'ReminderSent'),
        postsAfter: sink.stats().posts,
      };
      const result = {
        machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
        reminders: count,
        baselineBareBullMqMs: baselineMs,
        deliveredToSinkMs: deliveredMs,
        allRecordedMs: recordedMs,
        sent,
        unread,
        posts: sink.stats().posts,
        restart: restarted,
        ok:
          sent === count &&
          unread === count &&
          restarted.sentAfter === count &&
          restarted.postsAfter === count &&
          restarted.delayedAfter === delayedBefore,
      };
      writeSync(1, `${JSON.stringify(result, null, 2)}\n`);
      return result;
    } finally {
      await t.close();
      await sink.close();
      // The bench's queue lives under its own prefix: remove it.
      const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const queue = new Queue(REMINDER_QUEUE, { connection, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      connection.disconnect();
    }
  });

if (process.argv[1]?.endsWith('bench/reminders.js')) {
  runRemindersBench().then(
    (figures) => {
      if (!figures.ok || figures.deliveredToSinkMs > 30_000) process.exitCode = 1;
      process.exit();
    },
    (error: unknown) => {
      writeSync(2, `${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
