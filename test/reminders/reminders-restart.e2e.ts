import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store.js';
import { addDays, addYears, shanghaiDate } from '../../src/core/time/local-date.js';
import { REMINDER_QUEUE } from '../../src/reminders/reminder-engine.js';
import { freePort, runNode, track, waitForOutput, type RunningProcess } from '../support/processes.js';
import { eventually, startSmtpPeer } from './peers.js';

const PASSWORD = 'admin-pass-2026';
const BRANCHES = 4;

/**
 * Nothing lost, nothing twice (issue 14 §5), with real processes: a private redis-server on its own port and
 * two app processes (the compiled app) on one event store, each with its own read models. Redis stops;
 * commands still succeed on either instance; Redis returns and every secretary gets exactly one email; more
 * scans on both instances, a restart, and a rebuild of an instance's read models (its policy replays the log
 * after the queue forgot its completed jobs) send nothing more.
 */
describe('reminders across Redis outages, two instances and restarts', () => {
  const root = mkdtempSync(join(tmpdir(), 'party-ledger-reminders-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('each reminder is recorded and emailed exactly once', async () => {
    const smtp = await startSmtpPeer();
    const redisPort = await freePort();
    const redisDir = join(root, 'redis');
    mkdirSync(redisDir);
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const startRedis = async () => {
      const child = track(
        spawn(
          'redis-server',
          ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--appendonly', 'yes', '--save', ''],
          { stdio: 'ignore' },
        ),
      );
      await eventually(async () => {
        const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      }, 'redis-server');
      return child;
    };
    const stopRedis = async (child: ReturnType<typeof spawn>) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    };

    // Two instances: their own data folders (read models, policy checkpoints), one event store file.
    const dirA = join(root, 'a');
    const dirB = join(root, 'b');
    mkdirSync(dirA);
    mkdirSync(dirB);
    symlinkSync(join(dirA, 'events.sqlite'), join(dirB, 'events.sqlite'));
    const prefix = `test-reminders-${process.pid}`;
    const env = (dataDir: string) => ({
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      INITIAL_ADMIN_PASSWORD: PASSWORD,
      REDIS_URL: redisUrl,
      REDIS_AUTOSTART: 'false',
      JOBS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      REMINDERS_BACKOFF_MS: '200',
      SQLITE_SYNCHRONOUS: 'NORMAL',
    });
    const start = async (dataDir: string) => {
      const port = await freePort();
      const app = runNode('main.js', [], { ...env(dataDir), PORT: String(port) });
      await waitForOutput(app, 'is listening');
      return { app, api: `http://127.0.0.1:${port}/api` };
    };
    const stop = async ({ app }: { app: RunningProcess }) => {
      app.child.kill('SIGTERM');
      await app.exited;
    };
    const call = async (api: string, token: string | null, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const login = async (api: string, username: string, password: string) =>
      (await call(api, null, 'POST', '/auth/login', { username, password })).body.token as string;
    const created = async (api: string, token: string, path: string, body: unknown) => {
      const response = await call(api, token, 'POST', path, body);
      expect([path, response.status]).toEqual([path, 201]);
      return response.body as { id: string };
    };
    const sentInStore = async () => {
      const store = new SqliteEventStore({ file: join(dirA, 'events.sqlite') });
      try {
        return (await store.readAll({ types: ['ReminderSent'] })).length;
      } finally {
        await store.close();
      }
    };

    let redis = await startRedis();
    const a = await start(dirA);
    const b = await start(dirB);
    let instanceA = a;
    try {
      const adminA = await login(a.api, 'admin', PASSWORD);
      // Roster and secretaries through instance A; each secretary takes reminders by email.
      const unit = (await created(a.api, adminA, '/units', { name: '桥山中学', type: 'public_school' })).id;
      const bureau = (
        await created(a.api, adminA, '/party-organizations', {
          name: '中共蒲城县教育局委员会',
          kind: 'basic_party_committee',
          foundedOn: '2010-01-01',
        })
      ).id;
      const branches: string[] = [];
      for (let i = 0; i < BRANCHES; i++) {
        const branch = (
          await created(a.api, adminA, '/party-organizations', {
            name: `桥山中学第${i + 1}党支部`,
            kind: 'party_branch',
            parentId: bureau,
            unitIds: [unit],
            foundedOn: '2012-03-01',
          })
        ).id;
        branches.push(branch);
        await created(a.api, adminA, '/users', {
          username: `shuji-${i}`,
          displayName: `书记${i}`,
          password: 'user-pass-2026',
          role: 'secretary',
          orgIds: [branch],
          unitIds: [unit],
        });
        const token = await login(a.api, `shuji-${i}`, 'user-pass-2026');
        expect(
          (
            await call(a.api, token, 'PUT', '/reminder-channels/me', {
              channels: ['email'],
              email: `shuji-${i}@qiaoshan.edu.cn`,
            })
          ).status,
        ).toBe(200);
      }

      // Redis goes away. Commands on instance B still succeed: the terms end today, reminders go out at 00:00.
      await stopRedis(redis);
      const adminB = await login(b.api, 'admin', PASSWORD);
      const today = shanghaiDate(new Date());
      const termStart = addYears(addDays(today, 1), -3);
      for (const branch of branches) {
        const elected = await call(b.api, adminB, 'POST', `/party-organizations/${branch}/elect-committee`, {
          termStart,
          termYears: 3,
        });
        expect(elected.status).toBe(201);
      }
      const settings = await call(b.api, adminB, 'PUT', '/reminder-settings', {
        offsets: [-7, -1, 0, 1],
        escalateAfterWorkingDays: 3,
        sendHour: 0,
        digestHour: 17,
      });
      expect(settings.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(smtp.mails).toHaveLength(0);

      // Redis returns: the policies catch up from their checkpoints, and both instances scan again besides.
      redis = await startRedis();
      await eventually(() => smtp.mails.length >= BRANCHES, 'the emails', 60_000);
      expect((await call(a.api, adminA, 'POST', '/reminders/scan')).status).toBe(201);
      expect((await call(b.api, adminB, 'POST', '/reminders/scan')).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(
        branches.map((_, i) => `shuji-${i}@qiaoshan.edu.cn`).sort(),
      );
      expect(await sentInStore()).toBe(BRANCHES);

      // A restart of A with its read models rebuilt from the store, after the queue forgot its completed
      // jobs: the policy replays every ReminderSent and the scan finds every obligation again.
      await stop(a);
      const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const queue = new Queue(REMINDER_QUEUE, { connection, prefix });
      expect((await queue.clean(0, 100_000, 'completed')).length).toBeGreaterThanOrEqual(BRANCHES);
      await queue.close();
      connection.disconnect();
      rmSync(join(dirA, 'read-models.sqlite'), { force: true });
      rmSync(join(dirA, 'read-models.sqlite-wal'), { force: true });
      rmSync(join(dirA, 'read-models.sqlite-shm'), { force: true });
      instanceA = await start(dirA);
      const adminA2 = await login(instanceA.api, 'admin', PASSWORD);
      await eventually(
        async () => (await call(instanceA.api, adminA2, 'GET', '/reminders')).body?.length === BRANCHES,
        'the rebuilt log',
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(smtp.mails).toHaveLength(BRANCHES);
      expect(await sentInStore()).toBe(BRANCHES);
    } finally {
      await stop(instanceA).catch(() => undefined);
      await stop(b).catch(() => undefined);
      await stopRedis(redis).catch(() => undefined);
      await smtp.close();
    }
  }, 600_000);
});
