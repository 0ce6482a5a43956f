import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { NewEvent } from '../src/core/messages.js';
import type { EventStore, ExpectedRevision } from '../src/core/event-store/event-store.js';
import { SqliteEventStore, type SqliteSynchronous } from '../src/core/event-store/sqlite-event-store.js';
import { unitEvent } from './events.js';
import type { Pair } from './report.js';
import { measure, type Sample } from './util.js';

/**
 * The calls of an append benchmark, built before timing so that both the baseline and the store
 * measure only the write path: call i appends `size` events to stream i mod streams.length.
 */
export const appendCalls = (ids: string[], calls: number, size: number): NewEvent[][] =>
  Array.from({ length: calls }, (_, call) => Array.from({ length: size }, (_, k) => unitEvent(ids, call * size + k)));

const expectedOf = (revision: number): ExpectedRevision => (revision < 0 ? 'no_stream' : revision);

/**
 * SqliteEventStore.append in a loop, each call awaited and each at the stream's expected revision
 * (as command handlers do), round-robin over `streams`. Returns events per second after `warmup`.
 */
export const storeAppends = async (
  dir: string,
  mode: SqliteSynchronous,
  streams: string[],
  batches: NewEvent[][],
  warmup: number,
): Promise<Sample> => {
  const store = new SqliteEventStore({ file: join(dir, `store-${mode}.db`), synchronous: mode });
  try {
    const revisions = new Array<number>(streams.length).fill(-1);
    const write = async (call: number) => {
      const s = call % streams.length;
      const result = await store.append(streams[s], batches[call], expectedOf(revisions[s]));
      revisions[s] = result.nextExpectedRevision;
    };
    for (let call = 0; call < warmup; call++) await write(call);
    return await measure(async () => {
      let events = 0;
      for (let call = warmup; call < batches.length; call++) {
        await write(call);
        events += batches[call].length;
      }
      return events;
    });
  } finally {
    await store.close();
  }
};

/**
 * Fills a store with `total` unit events, `perCall` per append, round-robin over `streams` streams.
 * Each call's events are built just before it, so a million events never sit in memory at once.
 */
export const fillStore = async (
  store: EventStore,
  ids: string[],
  total: number,
  perCall: number,
  streams: number,
): Promise<Sample> => {
  const revisions = new Array<number>(streams).fill(-1);
  return measure(async () => {
    for (let n = 0, call = 0; n < total; call++) {
      const size = Math.min(perCall, total - n);
      const events = Array.from({ length: size }, (_, k) => unitEvent(ids, n + k));
      const s = call % streams;
      revisions[s] = (await store.append(`unitBulk-${s}`, events, expectedOf(revisions[s]))).nextExpectedRevision;
      n += size;
    }
    return total;
  });
};

/** readAll over the whole log in pages of `page`, as a report or an export would read it. */
export const readAllRate = (store: EventStore, page: number): Promise<Sample> =>
  measure(async () => {
    let count = 0;
    for (let after = 0n; ;) {
      const events = await store.readAll({ after, limit: page });
      if (events.length === 0) break;
      count += events.length;
      after = events[events.length - 1].position;
    }
    return count;
  });

/** subscribeAll from the start until caughtUp, the way a projection catches up. */
export const catchUpRate = (store: EventStore, batchSize: number): Promise<Sample> =>
  measure(async () => {
    let count = 0;
    const subscription = store.subscribeAll({ after: 0n, batchSize }, (batch) => {
      count += batch.length;
    });
    await subscription.caughtUp;
    await subscription.stop();
    return count;
  });

/**
 * Every event of one unit through the per-unit index (`readUnit`), `rounds` times: milliseconds per read,
 * as sorted samples, and how many events each read returned.
 */
export const unitReads = async (store: EventStore, unitId: string, rounds: number) => {
  const times: number[] = [];
  let events = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    events = (await store.readUnit(unitId)).length;
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), events };
};

/**
 * Whole-stream reads, the way a command handler folds its stream: `readStream` of the store against the
 * same SELECT on a raw better-sqlite3 connection to the same file, its rows mapped to the same event
 * objects (JSON.parse of data and metadata: any reader must do that much). Streams of `perStream`
 * events (4, like a unit's); the two sides take turns, `rounds` times; events read per second.
 */
export const streamReads = async (
  dir: string,
  ids: string[],
  streamCount: number,
  perStream: number,
  rounds: number,
): Promise<Pair> => {
  const file = join(dir, 'streams.db');
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const raw = new Database(file, { readonly: true });
  try {
    const streams = Array.from({ length: streamCount }, (_, i) => `unit-read-${i}`);
    for (let s = 0; s < streams.length; s++)
      await store.append(
        streams[s],
        Array.from({ length: perStream }, (_, k) => unitEvent(ids, s * perStream + k)),
        'no_stream',
      );
    const select = raw
      .prepare<[string], [number, string, number, string, string, string, string, string | null, string]>(
        'SELECT position, stream, revision, id, type, data, metadata, prev_hash, hash FROM events WHERE stream = ? ORDER BY revision',
      )
      .raw();
    const baseline = () => {
      let events = 0;
      for (const stream of streams)
        events += select.all(stream).map(([position, name, revision, id, type, data, metadata, prevHash, hash]) => ({
          id,
          stream: name,
          revision,
          position: BigInt(position),
          type,
          data: JSON.parse(data) as unknown,
          metadata: JSON.parse(metadata) as unknown,
          prevHash,
          hash,
        })).length;
      return events;
    };
    const ours = async () => {
      let events = 0;
      for (const stream of streams) events += (await store.readStream(stream)).length;
      return events;
    };
    await measure(baseline); // warm-up of both sides (JIT, page cache)
    await measure(ours);
    const result: Pair = { ours: [], base: [] };
    for (let round = 0; round < rounds; round++) {
      result.base.push(await measure(baseline));
      result.ours.push(await measure(ours));
    }
    return result;
  } finally {
    raw.close();
    await store.close();
  }
};
