import type { Step } from './breakdown-append.js';
import { median, percent, printTable, round3, type Sample } from './util.js';

export interface Pair {
  ours: Sample[];
  base: Sample[];
}

export interface Figures {
  single: Record<'FULL' | 'NORMAL', Pair>;
  hundred: Record<'FULL' | 'NORMAL', Pair>;
  fill: Sample;
  reads: Sample[];
  catchUps: Sample[];
  rebuild: Sample[];
  streamReads: Pair;
}

/** Issue 11's targets, each a ratio within one run. */
export const APPEND_TARGET = 0.85; // single-event appends against raw inserts, both synchronous modes
export const BATCH_TARGET = 0.8; // appends of 100 events
export const STREAM_READ_TARGET = 0.8; // reading a whole stream against the same SELECT on a raw connection
export const REBUILD_SHARE = 0.7; // a rebuild against the log's own read rate (readAll) in the same run

export const rateOf = (samples: Sample[]) => median(samples.map((s) => s.rate));
export const cpuOf = (samples: Sample[]) => median(samples.map((s) => s.cpu));

/** "± half the min–max range" in percent of the median: how far apart the rounds were. */
const spread = (samples: Sample[]) => {
  const values = samples.map((s) => s.rate);
  if (values.length < 2) return '';
  return `±${((50 * (Math.max(...values) - Math.min(...values))) / median(values)).toFixed(0)}%`;
};
/** Events/s of the samples divided by `per` (events per call): appends/s, or events/s when per = 1. */
const fig = (samples: Sample[], unit: string, per = 1) => `${round3(rateOf(samples) / per)} ${unit} ${spread(samples)}`;
const cpu = (samples: Sample[]) => cpuOf(samples).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export const printFigures = (f: Figures, sizes: { batch: number; fill: number; page: number; catchUp: number }) => {
  const rows: string[][] = [];
  const compare = (
    label: string,
    mode: string,
    { ours, base }: Pair,
    per: number,
    target: number,
    unit = per === 1 ? ['appends/s', 'inserts/s'] : ['appends/s', 'tx/s'],
  ) => {
    const ratio = rateOf(ours) / rateOf(base);
    rows.push([
      ...[label, mode, fig(ours, unit[0], per), fig(base, unit[1], per), percent(ratio)],
      ...[`${cpu(ours)} / ${cpu(base)}`, percent(cpuOf(base) / cpuOf(ours))],
      ...[`≥ ${percent(target)}`, verdict(ratio >= target)],
    ]);
    if (per > 1) rows.push(['  same, in events', mode, fig(ours, 'events/s'), fig(base, 'rows/s'), '', '', '', '', '']);
  };
  for (const mode of ['FULL', 'NORMAL'] as const) compare('append 1 event', mode, f.single[mode], 1, APPEND_TARGET);
  for (const mode of ['FULL', 'NORMAL'] as const)
    compare(`append ${sizes.batch} events`, mode, f.hundred[mode], sizes.batch, BATCH_TARGET);
  compare('read a whole stream (4 events)', '', f.streamReads, 1, STREAM_READ_TARGET, ['events/s', 'rows/s']);
  const alone = (label: string, mode: string, samples: Sample[], target = '', ok?: boolean) =>
    rows.push([
      label,
      mode,
      fig(samples, 'events/s'),
      '',
      '',
      cpu(samples),
      '',
      target,
      ok === undefined ? '' : verdict(ok),
    ]);
  alone(`append ${sizes.fill} events (log fill)`, 'NORMAL', [f.fill]);
  alone(`readAll, pages of ${sizes.page}`, '', f.reads);
  alone(`subscribeAll catch-up, batch ${sizes.catchUp}`, '', f.catchUps);
  const share = rateOf(f.rebuild) / rateOf(f.reads);
  alone(
    'rebuild units projection',
    '',
    f.rebuild,
    `≥ ${percent(REBUILD_SHARE)} of readAll: ${percent(share)}`,
    share >= REBUILD_SHARE,
  );
  printTable(
    [
      ...['measurement', 'sync', 'SqliteEventStore', 'baseline (raw better-sqlite3)', 'ratio'],
      ...['CPU µs/event ours / baseline', 'ratio by CPU', 'target', 'result'],
    ],
    rows,
  );
};

const stepTable = (steps: Step[], total: number, share: string) =>
  printTable(
    ['step (each timed alone, best of runs)', 'µs per event', share],
    steps.map((s) => [s.step, s.micros.toFixed(2), percent(s.micros / total)]),
  );

const find = (steps: Step[], prefix: string) => steps.find((s) => s.step.trim().startsWith(prefix))?.micros ?? 0;

/**
 * The append breakdown, with the gap to the baseline set against what only the adapter does:
 * the chain v2 input and its sha256 (the SELECT of the stream's last revision is skipped while its head is cached).
 * Shares are of the CPU time per append, the figure that other processes on the machine distort least.
 */
export const printAppendBreakdown = (steps: Step[], normal: Pair): void => {
  const [wallOurs, wallBase] = [1e6 / rateOf(normal.ours), 1e6 / rateOf(normal.base)];
  const [cpuOurs, cpuBase] = [cpuOf(normal.ours), cpuOf(normal.base)];
  console.log(`\nSingle-event append, NORMAL (medians): wall ${wallOurs.toFixed(1)} µs per append against`);
  console.log(
    `${wallBase.toFixed(1)} µs per baseline insert; CPU ${cpuOurs.toFixed(1)} against ${cpuBase.toFixed(1)} µs.`,
  );
  console.log(`Gap: ${(wallOurs - wallBase).toFixed(1)} µs wall, ${(cpuOurs - cpuBase).toFixed(1)} µs CPU.\n`);
  stepTable(steps, cpuOurs, 'share of CPU per append');
  const only = find(steps, 'chain v2 input string') + find(steps, 'sha256 of the chain v2');
  console.log(`\nOnly the adapter does the chain v2 input + sha256: ${only.toFixed(1)} µs per append.`);
  const needed = wallOurs - wallBase / APPEND_TARGET;
  if (needed > 0) console.log(`To reach ${percent(APPEND_TARGET)} an append must lose ${needed.toFixed(1)} µs (wall).`);
};

export const printRebuildBreakdown = (steps: Step[], rebuild: Sample[], reads: Sample[]): void => {
  const [wall, cpuTime] = [1e6 / rateOf(rebuild), cpuOf(rebuild)];
  console.log(`\nRebuild (medians): ${wall.toFixed(2)} µs per event wall, ${cpuTime.toFixed(2)} µs CPU;`);
  console.log(
    `the target (${percent(REBUILD_SHARE)} of readAll) needs ≤ ${(1e6 / (REBUILD_SHARE * rateOf(reads))).toFixed(2)} µs.\n`,
  );
  stepTable(steps, cpuTime, 'share of CPU per event');
};
