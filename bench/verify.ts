import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { logLink, sealEventTexts } from '../src/core/event-store/hash-chain.js';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store.js';
import { loadOrCreateAuditKey } from '../src/core/integrity/audit-key.js';
import { CheckpointTable } from '../src/core/integrity/checkpoints.js';
import { Integrity } from '../src/core/integrity/integrity.js';
import { systemClock } from '../src/core/time/clock.js';
import { unitEvent, unitIds } from './events.js';
import { describeMachine } from './machine.js';
import { envInt, measure, printTable, round3, withTempDir, type Sample } from './util.js';

/*
 * `npm run bench:verify`: verifying the whole log (issue 15: 1,000,000 events in under 30 s), against
 * baselines from the same run on the same file: reading every stored row as verify reads it, and that
 * read plus one SHA-256 over each row's stored text (the least any check of the content must do).
 * Also the start check: the tail after the latest signed checkpoint.
 */
const EVENTS = envInt('BENCH_VERIFY_EVENTS', 1_000_000);
const UNITS = envInt('BENCH_VERIFY_UNITS', 10_000);
const TAIL = envInt('BENCH_VERIFY_TAIL', 1_000);
const PAGE = 5000;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const progress = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const machine = describeMachine();
console.log(`Party Ledger verify benchmark, ${machine.date}`);
console.log(`CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM; temp dir ${machine.tmpdir}`);
console.log(`Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3 ${machine.betterSqlite3})`);
console.log(`Load average at start: ${load()}; BENCH_VERIFY_EVENTS=${EVENTS} BENCH_VERIFY_UNITS=${UNITS}`);

/**
 * Fills the file as the adapter would have (the same sealing and log chain), in large transactions, rather
 * than through a million appends: the fill is not what is measured.
 */
const fill = (file: string, logKey: Parameters<typeof logLink>[0]) => {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    'INSERT INTO events (position, stream, revision, id, type, data, metadata, prev_hash, hash, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ids = unitIds(UNITS);
  const heads = new Map<string, { revision: number; hash: string | null }>();
  let logHash: string | null = null;
  const recordedAt = new Date().toISOString();
  const chunk = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const stream = `unit-${ids[n % UNITS]}`;
      const last = heads.get(stream) ?? { revision: -1, hash: null };
      const [{ event, dataText, metadataText }] = sealEventTexts(stream, [unitEvent(ids, n)], last, recordedAt);
      const position = n + 1;
      logHash = logLink(logKey, logHash, position, event.hash);
      insert.run(
        position,
        stream,
        event.revision,
        event.id,
        event.type,
        dataText,
        metadataText,
        event.prevHash,
        event.hash,
        logHash,
      );
      heads.set(stream, { revision: event.revision, hash: event.hash });
    }
  });
  for (let from = 0; from < EVENTS; from += 50_000) chunk(from, Math.min(EVENTS, from + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
};

await withTempDir('verify', async (dir) => {
  const file = join(dir, 'events.sqlite');
  const key = loadOrCreateAuditKey(join(dir, 'keys', 'audit-ed25519.pem'));
  await new SqliteEventStore({ file, logKey: key.logKey }).close(); // the schema, as the app makes it
  progress(`filling a log of ${EVENTS} events over ${UNITS} streams`);
  fill(file, key.logKey);

  const store = new SqliteEventStore({ file, logKey: key.logKey });
  const table = new CheckpointTable(file);
  const integrity = new Integrity(store, { key }, table, join(dir, 'keys', 'anchor.json'), systemClock);
  const raw = new Database(file, { readonly: true });
  const page = raw
    .prepare<[number], unknown[]>(
      `SELECT position, stream, revision, id, type, data, metadata, prev_hash, hash, log_hash FROM events WHERE position > ? ORDER BY position LIMIT ${PAGE}`,
    )
    .raw();
  const readAll = (hash: boolean) => {
    let count = 0;
    let last = 0;
    for (let rows = page.all(last); rows.length > 0; rows = page.all(last)) {
      for (const row of rows)
        if (hash)
          createHash('sha256')
            .update(row[5] as string)
            .update(row[6] as string)
            .digest('hex');
      count += rows.length;
      last = rows[rows.length - 1][0] as number;
    }
    return count;
  };
  const results: [string, Sample, number, number][] = [];
  const timed = async (label: string, body: () => number | Promise<number>) => {
    progress(label);
    let events = 0;
    const start = process.hrtime.bigint();
    const sample = await measure(async () => (events = await body()));
    results.push([label, sample, Number(process.hrtime.bigint() - start) / 1e9, events]);
  };

  await timed('baseline: read every stored row (raw better-sqlite3, pages of 5000)', () => readAll(false));
  await timed('baseline: read every row + one SHA-256 of its stored text', () => readAll(true));
  await timed('verify the whole log (no checkpoint)', async () => (await integrity.verify()).checkedEvents);
  // A checkpoint TAIL events before the head, as the app leaves one every AUDIT_CHECKPOINT_EVENTS events.
  const { written } = await integrity.checkpoint();
  if (!written) throw new Error('no checkpoint was signed');
  const appends = Array.from({ length: TAIL }, (_, i) =>
    store.append(`unit-tail-${i}`, [unitEvent(unitIds(1), i)], 'any'),
  );
  await Promise.all(appends);
  await timed('verify the whole log + its signed checkpoint', async () => {
    const report = await integrity.verify();
    if (!report.ok) throw new Error(`the log does not verify: ${JSON.stringify(report.problems[0])}`);
    return report.checkedEvents;
  });
  await timed(`start check: the checkpoint's signature and the ${TAIL} events after it`, async () => {
    const report = await integrity.checkTail();
    if (!report.ok || report.checkedEvents !== TAIL)
      throw new Error(`unexpected tail check: ${JSON.stringify(report)}`);
    return report.checkedEvents;
  });
  raw.close();
  table.close();
  await store.close();

  console.log('');
  const baseline = results[0][2];
  printTable(
    ['measurement', 'events', 'seconds', 'events/s', 'CPU µs/event', 'vs reading the rows', 'target'],
    results.map(([label, sample, seconds, events]) => {
      const whole = events >= EVENTS;
      return [
        label,
        events.toLocaleString('en-US'),
        seconds.toFixed(2),
        round3(sample.rate),
        sample.cpu.toFixed(1),
        whole ? `${(seconds / baseline).toFixed(1)}×` : '',
        label.startsWith('verify') ? `< 30 s: ${seconds < 30 ? 'met' : 'MISSED'}` : '',
      ];
    }),
  );
  console.log(`\nLoad average at end: ${load()}`);
});
