import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store.js';
import { runLoad, type LoadResult } from './load.js';
import { settle, withTempDir } from './util.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'bench-admin-2026';

/** A load's figures plus the CPU time the server process spent per answered request (user + system, ms). */
export type ServerLoad = LoadResult & { cpuMs: number };

export interface HttpFigures {
  writes: { concurrency: number; app: ServerLoad; bare: ServerLoad }[];
  list: { concurrency: number; app: ServerLoad; bare: ServerLoad };
  /** Sequential single-event appends per second of the store alone (FULL), in the same run. */
  storeAppends: number;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Starts `node <script>` and resolves once it prints `ready`; the caller kills it. */
const start = async (script: string, args: string[], env: Record<string, string>, ready: RegExp) => {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
  return child;
};

/**
 * CPU seconds a process has used (user + system, from /proc; Linux clock ticks are 1/100 s). On a shared
 * machine other processes stretch wall time but not this, so CPU per request compares app and bare fairly.
 */
const cpuSeconds = (pid: number | undefined): number => {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN; // not Linux: the column shows a dash
  }
};

/** Runs a load and charges the server process's CPU time to its answered requests. */
const measured = async (server: ChildProcess, load: () => Promise<LoadResult>): Promise<ServerLoad> => {
  const before = cpuSeconds(server.pid);
  const result = await load();
  return { ...result, cpuMs: ((cpuSeconds(server.pid) - before) * 1000) / Math.max(1, result.requests) };
};

const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

const signIn = async (port: number): Promise<string> => {
  const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
};

/** Single-event appends awaited one by one, FULL: the rate the HTTP write path is held against. */
const storeAppendRate = (dir: string, count: number) => {
  const store = new SqliteEventStore({ file: join(dir, 'store.db'), synchronous: 'FULL' });
  const event = (i: number) => ({
    type: 'UnitRegistered',
    data: { unitId: randomUUID(), name: `单位 ${i}`, type: 'private_school' },
    metadata: {
      actorId: randomUUID(),
      actorRole: 'bureau_admin',
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      unitIds: [randomUUID()],
      schemaVersion: 1,
    },
  });
  return (async () => {
    for (let i = 0; i < 200; i++) await store.append(`unit-warm-${i}`, [event(i)], 'no_stream');
    const started = performance.now();
    for (let i = 0; i < count; i++) await store.append(`unit-${i}`, [event(i)], 'no_stream');
    const rate = count / ((performance.now() - started) / 1000);
    await store.close();
    return rate;
  })();
};

/**
 * The app (`dist-bench/src/main.js`, SQLite FULL, the real Redis) and a bare NestJS route, each in its
 * own process, under the same closed-loop load from this process: unit registrations at each
 * concurrency, then pages of 25 units.
 */
export const httpBench = async (options: {
  concurrency: number[];
  durationMs: number;
  storeAppends: number;
  progress: (message: string) => void;
}): Promise<HttpFigures> =>
  withTempDir('http', async (dir) => {
    const [appPort, barePort] = [await freePort(), await freePort()];
    options.progress('HTTP: starting the app and the bare NestJS route');
    const app = await start(
      join(HERE, '..', 'src', 'main.js'),
      [],
      {
        DATA_DIR: join(dir, 'app'),
        PORT: String(appPort),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        INITIAL_ADMIN_PASSWORD: PASSWORD,
        SQLITE_SYNCHRONOUS: 'FULL',
        JOBS_PREFIX: `bench-${process.pid}-${Date.now()}`,
        LOG_LEVEL: 'log',
        ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      },
      /is listening on/,
    );
    const bare = await start(join(HERE, 'bare-nest.js'), [String(barePort)], {}, /listening/);
    try {
      const token = await signIn(appPort);
      const auth = { authorization: `Bearer ${token}` };
      const run = `${Date.now().toString(36)}`;
      const unitBody = (i: number) => ({ name: `基准单位 ${run}-${i}`, type: 'private_school', district: '城关片区' });
      const write = (port: number, concurrency: number, label: string) =>
        runLoad({
          port,
          method: 'POST',
          path: () => '/api/units',
          body: (i) => unitBody(i + concurrency * 1_000_000 + (label === 'bare' ? 500_000 : 0)),
          headers: auth,
          expect: 201,
          concurrency,
          durationMs: options.durationMs,
        });
      // Warm both up (JIT, connections, read-model pages) before timing anything.
      await write(appPort, 4, 'warm');
      await write(barePort, 4, 'bare');
      const writes: HttpFigures['writes'] = [];
      for (const concurrency of options.concurrency) {
        options.progress(`HTTP: POST /api/units with ${concurrency} client(s), app then bare`);
        const appResult = await measured(app, () => write(appPort, concurrency, 'app'));
        await settle();
        const bareResult = await measured(bare, () => write(barePort, concurrency, 'bare'));
        await settle();
        writes.push({ concurrency, app: appResult, bare: bareResult });
      }
      options.progress('HTTP: GET /api/units (pages of 25) with 16 clients');
      const page = (port: number) =>
        runLoad({
          port,
          method: 'GET',
          path: (i) => `/api/units?range=${encodeURIComponent(`[${(i % 20) * 25},${(i % 20) * 25 + 24}]`)}`,
          headers: auth,
          expect: 200,
          concurrency: 16,
          durationMs: options.durationMs,
        });
      const list = {
        concurrency: 16,
        app: await measured(app, () => page(appPort)),
        bare: await measured(bare, () => page(barePort)),
      };
      options.progress(`HTTP: the store alone, ${options.storeAppends} single appends (FULL)`);
      const storeAppends = await storeAppendRate(dir, options.storeAppends);
      return { writes, list, storeAppends };
    } finally {
      await Promise.all([stop(app), stop(bare)]);
    }
  });

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const perSecond = (n: number) => `${Math.round(n).toLocaleString('en-US')} req/s`;
const cpu = (r: ServerLoad) => (Number.isFinite(r.cpuMs) ? r.cpuMs.toFixed(2) : '—');
const pct = (a: number, b: number) => `${Math.round((100 * a) / b)}%`;
const failed = (r: LoadResult) => (Object.keys(r.failures).length ? ` (failures: ${JSON.stringify(r.failures)})` : '');

export const printHttpFigures = (figures: HttpFigures) => {
  console.log('\nHTTP, app against a bare NestJS 12 route in the same run (closed loop, keep-alive)\n');
  console.log(
    '| route | clients | Party Ledger | p50 / p99 | bare NestJS | p50 / p99 | ratio | of store appends | server CPU ms/req app / bare |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const { concurrency, app, bare } of figures.writes) {
    console.log(
      `| POST /api/units | ${concurrency} | ${perSecond(app.rate)}${failed(app)} | ${ms(app.p50)} / ${ms(app.p99)} | ` +
        `${perSecond(bare.rate)} | ${ms(bare.p50)} / ${ms(bare.p99)} | ${pct(app.rate, bare.rate)} | ` +
        `${pct(app.rate, figures.storeAppends)} | ${cpu(app)} / ${cpu(bare)} |`,
    );
  }
  const { app, bare } = figures.list;
  console.log(
    `| GET /api/units, 25 a page | 16 | ${perSecond(app.rate)}${failed(app)} | ${ms(app.p50)} / ${ms(app.p99)} | ` +
      `${perSecond(bare.rate)} | ${ms(bare.p50)} / ${ms(bare.p99)} | ${pct(app.rate, bare.rate)} | | ${cpu(app)} / ${cpu(bare)} |`,
  );
  console.log(
    `\nThe store alone: ${perSecond(figures.storeAppends).replace('req', 'appends')} (single events awaited one by one, FULL).`,
  );
};
