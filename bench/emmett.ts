import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store.js';
import { settle, withTempDir } from './util.js';

/** The few calls of `@event-driven-io/emmett-sqlite` the comparison makes. */
interface EmmettStore {
  appendToStream(stream: string, events: { type: string; data: unknown }[]): Promise<unknown>;
  readStream(stream: string): Promise<{ events: unknown[] }>;
}
interface EmmettModule {
  getSQLiteEventStore(options: { fileName: string; schema: { autoMigration: 'CreateOrUpdate' } }): EmmettStore;
}

/** bench/peers holds Emmett apart from the project's own dependencies (its peer ranges do not resolve together). */
const PEERS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'peers', 'node_modules');
const EMMETT = join(PEERS, '@event-driven-io', 'emmett-sqlite', 'dist', 'index.js');

export interface EmmettFigures {
  appends: { ours: number; emmett: number };
  reads: { ours: number; emmett: number };
  /** Emmett calls that failed with SQLITE_BUSY and were tried again (counted in its time). */
  busyRetries: number;
}

const event = (i: number) => ({ type: 'UnitRenamed', data: { unitId: `u-${i % 100}`, name: `单位 ${i}` } });

const rate = async (count: number, body: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < Math.min(100, count); i++) await body(-1 - i); // warm-up
  const started = performance.now();
  for (let i = 0; i < count; i++) await body(i);
  return count / ((performance.now() - started) / 1000);
};

/**
 * Ours (FULL) against Emmett's SQLite store (WAL, the sqlite3 package's default FULL): single-event
 * appends awaited one by one over 100 streams, then whole-stream reads. `null` when bench/peers is not installed.
 */
export const emmettComparison = async (appends: number): Promise<EmmettFigures | null> => {
  if (!existsSync(EMMETT)) return null;
  const emmett = (await import(pathToFileURL(EMMETT).href)) as EmmettModule;
  return withTempDir('emmett', async (dir) => {
    const theirs = emmett.getSQLiteEventStore({
      fileName: join(dir, 'emmett.db'),
      schema: { autoMigration: 'CreateOrUpdate' },
    });
    const ours = new SqliteEventStore({ file: join(dir, 'ours.db'), synchronous: 'FULL' });
    const metadata = (i: number) => ({
      actorId: 'bench',
      actorRole: 'system',
      commandId: `c-${i}`,
      correlationId: `c-${i}`,
      causationId: `c-${i}`,
      occurredAt: '2026-11-29T00:00:00.000Z',
      unitIds: [`u-${i % 100}`],
      schemaVersion: 1,
    });
    // Emmett 0.38.5 opens a connection per call and closes it without waiting, so the next call now
    // and then meets the last one's transaction: SQLITE_BUSY. Such a call is tried again, and counted.
    let busyRetries = 0;
    const retried = async <T>(call: () => Promise<T>): Promise<T> => {
      for (;;) {
        try {
          return await call();
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || busyRetries > 10_000) throw error;
          busyRetries++;
        }
      }
    };
    try {
      const emmettAppends = await rate(appends, (i) =>
        retried(() => theirs.appendToStream(`unit-${i % 100}`, [event(i)])),
      );
      await settle();
      const oursAppends = await rate(appends, (i) =>
        ours.append(`unit-${i % 100}`, [{ ...event(i), metadata: metadata(i) }], 'any'),
      );
      await settle();
      const reads = appends * 5;
      const emmettReads = await rate(reads, (i) => retried(() => theirs.readStream(`unit-${Math.abs(i) % 100}`)));
      const oursReads = await rate(reads, (i) => ours.readStream(`unit-${Math.abs(i) % 100}`));
      return {
        appends: { ours: oursAppends, emmett: emmettAppends },
        reads: { ours: oursReads, emmett: emmettReads },
        busyRetries,
      };
    } finally {
      await ours.close();
    }
  });
};

export const printEmmettFigures = (figures: EmmettFigures | null) => {
  if (!figures) {
    console.log('\nEmmett comparison skipped: install its peers first (npm ci --prefix bench/peers).');
    return;
  }
  const row = (label: string, { ours, emmett }: { ours: number; emmett: number }) =>
    `| ${label} | ${Math.round(ours).toLocaleString('en-US')}/s | ${Math.round(emmett).toLocaleString('en-US')}/s | ${(ours / emmett).toFixed(1)}× |`;
  console.log(
    '\nAgainst Emmett 0.38.5 (@event-driven-io/emmett-sqlite, sqlite3), same run, FULL, one event per append\n',
  );
  console.log('| measurement | SqliteEventStore | Emmett SQLite store | ours / Emmett |');
  console.log('|---|---|---|---|');
  console.log(row('append 1 event, awaited one by one', figures.appends));
  console.log(row('read a whole stream', figures.reads));
  console.log(`\nEmmett calls tried again after SQLITE_BUSY: ${figures.busyRetries}.`);
};
