import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem, tmpdir } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  tmpdir: string;
  date: string;
}

/** /proc/cpuinfo names the CPU even in containers where os.cpus() reports an empty model. */
const cpuModel = (): string => {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // not Linux: fall back to what Node knows
  }
  return cpus()[0]?.model ?? 'unknown';
};

/** The version of SQLite compiled into better-sqlite3, which is the one the adapter really runs. */
const sqliteVersion = (): string => {
  const db = new Database(':memory:');
  try {
    return (db.prepare('select sqlite_version() AS v').get() as { v: string }).v;
  } finally {
    db.close();
  }
};

const betterSqlite3Version = (): string => {
  try {
    const url = new URL('../../node_modules/better-sqlite3/package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export const describeMachine = (): Machine => ({
  cpu: cpuModel(),
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  sqlite: sqliteVersion(),
  betterSqlite3: betterSqlite3Version(),
  tmpdir: tmpdir(),
  date: new Date().toISOString(),
});
