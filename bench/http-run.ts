import { loadavg } from 'node:os';
import { httpBench, printHttpFigures } from './http.js';
import { describeMachine } from './machine.js';
import { envInt } from './util.js';

/** `npm run bench:http`: only the HTTP comparison (also part of `npm run bench`). */
const machine = describeMachine();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`Party Ledger HTTP benchmark, ${machine.date}; CPU: ${machine.cpu}, ${machine.cores} cores`);
console.log(`Load average at start: ${load()}`);
const figures = await httpBench({
  concurrency: [1, 16, 64],
  durationMs: envInt('BENCH_HTTP_SECONDS', 10) * 1000,
  storeAppends: envInt('BENCH_APPENDS_FULL', 2_000),
  progress: (message) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`),
});
printHttpFigures(figures);
console.log(`Load average at end: ${load()}`);
