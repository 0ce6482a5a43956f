import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../messages.js';
import { systemClock, type Clock } from '../time/clock.js';
import {
  actualRevision,
  expectationHolds,
  WrongExpectedRevisionError,
  type AppendResult,
  type BatchHandler,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from './event-store.js';
import { sealEventTexts } from './hash-chain.js';
import { AppendSignal, pollingSubscription } from './polling-subscription.js';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteEventStoreOptions {
  /** Path of the database file (created when absent). */
  file: string;
  /** FULL (the default) makes an acknowledged append survive power loss; NORMAL survives a process kill. */
  synchronous?: SqliteSynchronous;
  clock?: Clock;
  /** How often subscriptions look for appends made by other processes (the CLI, a second app). */
  pollIntervalMs?: number;
}

interface StreamHead {
  /** -1 when the stream has no events. */
  revision: number;
  hash: string | null;
}

/** Enough for every stream a busy bureau writes to in a while; past it the cache starts again. */
const MAX_CACHED_HEADS = 100_000;

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';

interface EventRow {
  position: number;
  stream: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string | null;
  hash: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position  INTEGER PRIMARY KEY,
  stream    TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  id        TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  data      TEXT    NOT NULL,
  metadata  TEXT    NOT NULL,
  prev_hash TEXT,
  hash      TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
`;

const COLUMNS = 'position, stream, revision, id, type, data, metadata, prev_hash, hash';

/**
 * The embedded default: one SQLite file in WAL mode, one IMMEDIATE transaction per append.
 * Positions are the table's rowid; SQLite admits one writer at a time, so positions are
 * assigned in commit order and a reader "after position p" can never miss an earlier commit.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly pollIntervalMs: number;
  private readonly statements;
  private readonly appendTransaction;
  /**
   * Each stream's last revision and hash as this process last wrote or read them, so an append skips
   * the SELECT. Another process (the CLI, a second app) may have appended since: then the cached
   * revision is too low, the INSERT hits the unique (stream, revision) index, and the append reads the
   * stream's head again (see `append`). A cached value is also re-read before a conflict is reported.
   */
  private readonly heads = new Map<string, StreamHead>();

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = {
      last: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (stream, revision, id, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      forwards: this.db.prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      ),
      backwards: this.db.prepare<[string, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      ),
      all: this.db
        .prepare<[number, number], RawRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
        .raw(),
      allOfTypes: this.db
        .prepare<[number, string, number], RawRow>(
          `SELECT ${COLUMNS} FROM events WHERE position > ? AND type IN (SELECT value FROM json_each(?))
           ORDER BY position LIMIT ?`,
        )
        .raw(),
      head: this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
      countAfter: this.db.prepare<[number, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)',
      ),
    };
    this.appendTransaction = this.db.transaction(
      (stream: string, events: NewEvent[], expected: ExpectedRevision, cached: StreamHead | undefined) =>
        this.appendInTransaction(stream, events, expected, cached),
    );
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = this.appendTransaction.immediate(stream, events, expected, this.heads.get(stream));
    } catch (error) {
      this.heads.delete(stream);
      if (!isUniqueViolation(error)) throw error;
      // Our cached head was stale: another process appended to this stream. Decide again on the real head.
      result = this.appendTransaction.immediate(stream, events, expected, undefined);
    }
    if (result.events.length > 0) {
      const tail = result.events[result.events.length - 1];
      if (this.heads.size >= MAX_CACHED_HEADS) this.heads.clear();
      this.heads.set(stream, { revision: tail.revision, hash: tail.hash });
      this.signal.notify();
    }
    return result;
  }

  private appendInTransaction(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    cached: StreamHead | undefined,
  ): AppendResult {
    let last = cached ?? this.readHead(stream);
    if (!expectationHolds(expected, last.revision) && cached) last = this.readHead(stream);
    if (!expectationHolds(expected, last.revision)) {
      throw new WrongExpectedRevisionError(stream, expected, actualRevision(last.revision));
    }
    if (events.length === 0) {
      return { nextExpectedRevision: last.revision, position: this.head(), events: [] };
    }
    const sealed = sealEventTexts(stream, events, last, this.now());
    const recorded: RecordedEvent[] = sealed.map(({ event, dataText, metadataText }) => {
      const { lastInsertRowid } = this.statements.insert.run(
        stream,
        event.revision,
        event.id,
        event.type,
        dataText,
        metadataText,
        event.prevHash,
        event.hash,
      );
      return { ...event, position: BigInt(lastInsertRowid) };
    });
    const tail = recorded[recorded.length - 1];
    return { nextExpectedRevision: tail.revision, position: tail.position, events: recorded };
  }

  private readHead(stream: string): StreamHead {
    const row = this.statements.last.get(stream);
    return row ? { revision: row.revision, hash: row.hash } : { revision: -1, hash: null };
  }

  async readStream(
    stream: string,
    { direction = 'forwards', from, limit }: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const max = limit ?? -1;
    const rows =
      direction === 'forwards'
        ? this.statements.forwards.all(stream, from ?? 0, max)
        : this.statements.backwards.all(stream, from ?? Number.MAX_SAFE_INTEGER, max);
    return rows.map(toRecorded);
  }

  async readAll({ after = 0n, limit, types }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    // Arrays rather than row objects: a rebuild reads every event, and better-sqlite3 builds an array
    // of nine columns in about two thirds of the time it takes to build the object (docs/benchmarks.md).
    const rows = types
      ? this.statements.allOfTypes.all(Number(after), JSON.stringify(types), limit ?? -1)
      : this.statements.all.all(Number(after), limit ?? -1);
    return rows.map(fromRaw);
  }

  subscribeAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const subscription = pollingSubscription(
      {
        readAll: (o) => this.readAll(o),
        headPosition: () => this.headPosition(),
        signal: this.signal,
        pollIntervalMs: this.pollIntervalMs,
      },
      options,
      handler,
    );
    this.subscriptions.add(subscription);
    subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    return this.head();
  }

  async countAfter(position: bigint, cap = Number.MAX_SAFE_INTEGER): Promise<number> {
    return this.statements.countAfter.get(Number(position), cap)?.n ?? 0;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.db.open) this.db.close();
  }

  private head(): bigint {
    return BigInt(this.statements.head.get()?.head ?? 0);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** The columns of COLUMNS, in order. */
type RawRow = [number, string, number, string, string, string, string, string | null, string];

const fromRaw = ([position, stream, revision, id, type, data, metadata, prevHash, hash]: RawRow): RecordedEvent => ({
  id,
  stream,
  revision,
  position: BigInt(position),
  type,
  data: JSON.parse(data),
  metadata: JSON.parse(metadata),
  prevHash,
  hash,
});

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  position: BigInt(row.position),
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  prevHash: row.prev_hash,
  hash: row.hash,
});
