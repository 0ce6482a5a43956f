import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A positive integer from the environment (or 0 where `allowZero`, for on/off switches), so a run can
 * be scaled up or down without editing code.
 */
export const envInt = (name: string, fallback: number, { allowZero = false } = {}): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1))
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${raw}`);
  return value;
};

/** A fresh folder under the OS temp dir; every database of a measurement lives in one so cleanup is one rm. */
export const withTempDir = async <T>(label: string, body: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), `party-ledger-bench-${label}-`));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** One timed run: events per wall-clock second, and CPU µs this process spent per event. */
export interface Sample {
  rate: number;
  cpu: number;
}

/**
 * Times `body`, which returns how many events it handled. CPU time (user + system, which includes
 * SQLite's work: better-sqlite3 runs it on this thread) is kept beside wall time because the
 * machine may be shared: other processes stretch wall time but hardly the CPU time we use.
 */
export const measure = async (body: () => number | Promise<number>): Promise<Sample> => {
  const cpuBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const events = await body();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return { rate: events / seconds, cpu: (cpu.user + cpu.system) / events };
};

/**
 * Microseconds per iteration of `body` over `n` iterations, the best of `repeats` runs: the machine
 * is shared, and the fastest run is the one least disturbed by other processes and by GC.
 */
export const microsPerOp = (n: number, body: (i: number) => void, repeats = 1): number => {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) body(i);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  return best;
};

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Three significant figures with thousands separators: fsync-bound figures vary by more than 1%
 * between runs, so more digits would only be noise.
 */
export const round3 = (value: number): string => {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const digits = Math.floor(Math.log10(Math.abs(value))) + 1;
  const factor = 10 ** Math.max(0, digits - 3);
  const rounded = Math.round(value / factor) * factor;
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.max(0, 3 - digits) });
};

export const percent = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;

/** A plain-text table whose Markdown-compatible rows can be pasted into docs/benchmarks.md. */
export const printTable = (header: string[], rows: string[][]): void => {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
};

/** Lets the event loop breathe (timers, GC) between measurements so one does not spill into the next. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));
