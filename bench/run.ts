import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type SqliteSynchronous } from '../src/core/event-store/sqlite-event-store.js';
import { baselineInserts, openBaselineDb, schemaOf } from './baseline.js';
import { appendBreakdown } from './breakdown-append.js';
import { rebuildBreakdown } from './breakdown-rebuild.js';
import { BUSY_UNIT, payloadSizes, unitIds } from './events.js';
import { emmettComparison, printEmmettFigures } from './emmett.js';
import { httpBench, printHttpFigures } from './http.js';
import { describeMachine } from './machine.js';
import { profileAppends } from './profile-append.js';
import { rebuildRates } from './rebuild.js';
import { printAppendBreakdown, printFigures, printRebuildBreakdown, type Pair } from './report.js';
import { appendCalls, catchUpRate, fillStore, readAllRate, storeAppends, streamReads, unitReads } from './store.js';
import { envInt, settle, withTempDir, type Sample } from './util.js';

// Every size is an env knob; the defaults finish in a few minutes on 2 cores. FULL fsyncs every
// commit, so its counts are small and, as fsync latency varies a lot, it gets more rounds; NORMAL
// counts are large enough that each round lasts a second or more.
const config = {
  BENCH_APPENDS_FULL: envInt('BENCH_APPENDS_FULL', 2_000),
  BENCH_APPENDS: envInt('BENCH_APPENDS', 50_000),
  BENCH_BATCH_APPENDS_FULL: envInt('BENCH_BATCH_APPENDS_FULL', 200),
  BENCH_BATCH_APPENDS: envInt('BENCH_BATCH_APPENDS', 500),
  BENCH_STREAMS: envInt('BENCH_STREAMS', 1_000),
  BENCH_ROUNDS: envInt('BENCH_ROUNDS', 3),
  BENCH_ROUNDS_FULL: envInt('BENCH_ROUNDS_FULL', 5),
  BENCH_EVENTS: envInt('BENCH_EVENTS', 1_000_000),
  BENCH_UNITS: envInt('BENCH_UNITS', 10_000),
  BENCH_LOG_ROUNDS: envInt('BENCH_LOG_ROUNDS', 2),
  BENCH_BREAKDOWN: envInt('BENCH_BREAKDOWN', 1, { allowZero: true }),
  BENCH_BREAKDOWN_SAMPLE: envInt('BENCH_BREAKDOWN_SAMPLE', 100_000),
  BENCH_EMMETT_APPENDS: envInt('BENCH_EMMETT_APPENDS', 1_000, { allowZero: true }),
  BENCH_HTTP: envInt('BENCH_HTTP', 1, { allowZero: true }),
  BENCH_HTTP_SECONDS: envInt('BENCH_HTTP_SECONDS', 10),
};
const sizes = { batch: 100, fill: 1000, page: 1000, catchUp: 500 }; // catch-up: the runner's live batch
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const progress = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const machine = describeMachine();
console.log(`Party Ledger event store benchmark, ${machine.date}`);
console.log(`CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM; temp dir ${machine.tmpdir}`);
console.log(`Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3})`);
console.log(`Load average at start: ${load()}`);
console.log(
  Object.entries(config)
    .map(([k, v]) => `${k}=${v}`)
    .join(' '),
);

const ids = unitIds(config.BENCH_STREAMS);
const streams = ids.map((id) => `unit-${id}`);
const payload = payloadSizes(ids);
console.log(`Payload: data ≈ ${payload.data} B, metadata ≈ ${payload.metadata} B (UTF-8 JSON, mean)`);

// The baseline is only a baseline if it writes the very same table and index as the adapter.
await withTempDir('schema', async (dir) => {
  await new SqliteEventStore({ file: join(dir, 'store.db') }).close();
  openBaselineDb(join(dir, 'baseline.db'), 'FULL').close();
  if (schemaOf(join(dir, 'store.db')) !== schemaOf(join(dir, 'baseline.db')))
    throw new Error('baseline schema differs from the adapter schema: update bench/baseline.ts');
});

/** Baseline and store alternate within each round, so drift in disk speed or load hits both alike. */
const pair = async (mode: SqliteSynchronous, calls: number, size: number): Promise<Pair> => {
  const rounds = mode === 'FULL' ? config.BENCH_ROUNDS_FULL : config.BENCH_ROUNDS;
  progress(`append ${size} event(s) per call, ${mode}: ${rounds} × ${calls} calls each side`);
  const batches = appendCalls(ids, calls + Math.max(100, calls / 10), size);
  const warmup = batches.length - calls;
  const result: Pair = { ours: [], base: [] };
  for (let round = 0; round < rounds; round++) {
    result.base.push(await withTempDir('base', (dir) => baselineInserts(dir, mode, streams, batches, warmup)));
    await settle();
    result.ours.push(await withTempDir('store', (dir) => storeAppends(dir, mode, streams, batches, warmup)));
    await settle();
  }
  return result;
};

const single = {
  FULL: await pair('FULL', config.BENCH_APPENDS_FULL, 1),
  NORMAL: await pair('NORMAL', config.BENCH_APPENDS, 1),
};
const hundred = {
  FULL: await pair('FULL', config.BENCH_BATCH_APPENDS_FULL, sizes.batch),
  NORMAL: await pair('NORMAL', config.BENCH_BATCH_APPENDS, sizes.batch),
};

progress('whole-stream reads, store and raw connection: 5 rounds over 2,000 streams of 4 events');
const streamReadPair = await withTempDir('streams', (dir) => streamReads(dir, ids, 2000, 4, 5));

const log = await withTempDir('log', async (dir) => {
  const file = join(dir, 'events.db');
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  try {
    progress(`filling a log of ${config.BENCH_EVENTS} events, ${sizes.fill} per append`);
    const logIds = unitIds(config.BENCH_UNITS);
    const fill = await fillStore(store, logIds, config.BENCH_EVENTS, sizes.fill, config.BENCH_STREAMS);
    await store.readAll({ limit: 50_000 }); // warm-up: lets V8 optimise the row mapping before timing
    const reads: Sample[] = [];
    const catchUps: Sample[] = [];
    for (let round = 0; round < config.BENCH_LOG_ROUNDS; round++) {
      progress(`readAll and catch-up over the log, round ${round + 1}/${config.BENCH_LOG_ROUNDS}`);
      reads.push(await readAllRate(store, sizes.page));
      catchUps.push(await catchUpRate(store, sizes.catchUp));
      await settle();
    }
    progress("one unit's events through the per-unit index");
    const unitRead = await unitReads(store, BUSY_UNIT, 50);
    progress(`rebuild of the units projection, ${config.BENCH_LOG_ROUNDS} rounds`);
    const rebuild = await rebuildRates(store, dir, config.BENCH_UNITS, config.BENCH_LOG_ROUNDS);
    progress('rebuild breakdown');
    const breakdown = config.BENCH_BREAKDOWN
      ? await rebuildBreakdown(file, store, dir, config.BENCH_BREAKDOWN_SAMPLE)
      : [];
    return { fill, reads, catchUps, rebuild, breakdown, unitRead };
  } finally {
    await store.close();
  }
});

let appendSteps: Awaited<ReturnType<typeof appendBreakdown>> = [];
let printProfile: () => void = () => undefined;
if (config.BENCH_BREAKDOWN) {
  progress('append breakdown and in-situ profile');
  const calls = appendCalls(ids, Math.min(config.BENCH_APPENDS, 20_000), 1);
  appendSteps = await withTempDir('breakdown', async (dir) => appendBreakdown(dir, streams, calls.flat()));
  printProfile = await withTempDir('profile', (dir) => profileAppends(dir, streams, calls));
}

const emmett = config.BENCH_EMMETT_APPENDS ? await emmettComparison(config.BENCH_EMMETT_APPENDS) : null;
const http = config.BENCH_HTTP
  ? await httpBench({
      concurrency: [1, 16, 64],
      durationMs: config.BENCH_HTTP_SECONDS * 1000,
      storeAppends: config.BENCH_APPENDS_FULL,
      progress,
    })
  : null;

console.log(`Load average at end: ${load()}\n`);
const { BENCH_ROUNDS_FULL, BENCH_ROUNDS, BENCH_LOG_ROUNDS, BENCH_EVENTS, BENCH_UNITS } = config;
console.log(
  `Medians of ${BENCH_ROUNDS_FULL} rounds (FULL), ${BENCH_ROUNDS} (NORMAL), ${BENCH_LOG_ROUNDS} over the log`,
);
console.log(`(± is half the min–max range); the log holds ${BENCH_EVENTS} events over ${BENCH_UNITS} units.\n`);
printFigures({ single, hundred, streamReads: streamReadPair, ...log }, sizes);
if (config.BENCH_BREAKDOWN) {
  printAppendBreakdown(appendSteps, single.NORMAL);
  printProfile();
  printRebuildBreakdown(log.breakdown, log.rebuild, log.reads);
}
if (config.BENCH_EMMETT_APPENDS) printEmmettFigures(emmett);
if (http) printHttpFigures(http);
{
  const { times, events } = log.unitRead;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2);
  console.log(
    `\nOne unit's ${events} events out of the ${config.BENCH_EVENTS}-event log (readUnit, the per-unit index), ` +
      `${times.length} reads: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target: under 20 ms).`,
  );
}
