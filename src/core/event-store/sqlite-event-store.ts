import Database from 'better-sqlite3';
import type { NewEvent, RecordedEvent } from '../messages.js';
import { systemClock, type Clock } from '../time/clock.js';
import { WalCheckpointer } from '../wal-checkpointer.js';
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
  type ReadUnitOptions,
  type SubscribeOptions,
  type Subscription,
} from './event-store.js';
import { logLink, sealEventTexts, UNKEYED_LOG, type LogKey } from './hash-chain.js';
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
  /**
   * The key of the global log's chain (the audit key's derived secret, see src/core/integrity/audit-key.ts);
   * without one the chain is kept under UNKEYED_LOG, which verify reports as such.
   */
  logKey?: LogKey;
}

interface StreamHead {
  /** -1 when the stream has no events. */
  revision: number;
  hash: string | null;
}

/** One caller's append waiting for the next group commit. */
interface PendingAppend {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Enough for every stream a busy bureau writes to in a while; past it the cache starts again. */
const MAX_CACHED_HEADS = 100_000;

/** An append that failed after writing some of its rows: its group's transaction must be rolled back. */
class HalfWrittenAppend extends Error {
  constructor(cause: unknown) {
    super('append failed after writing', { cause });
  }
}

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
  hash      TEXT    NOT NULL,
  log_hash  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream, revision);
CREATE TABLE IF NOT EXISTS event_units (
  unit_id     TEXT    NOT NULL,
  position    INTEGER NOT NULL,
  occurred_at TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS log_keys (
  from_position INTEGER PRIMARY KEY,
  key_id        TEXT    NOT NULL,
  recorded_at   TEXT    NOT NULL,
  note          TEXT    NOT NULL
);
`;

/**
 * `PRAGMA user_version` of a file whose schema is complete. Version 1 added `event_units`; a file from
 * before gets it filled from the events already there, once, when it is opened. Version 2 added the global
 * log's chain (`log_hash`, and `log_keys`: from which position which key chains the log); a file from
 * before gets its events chained, once, when it is opened, with a note of when that was done.
 */
const SCHEMA_VERSION = 2;

/** A stored row as the integrity check reads it: the stored texts, so hashes are checked on the very bytes. */
export type ChainRow = [
  position: number,
  stream: string,
  revision: number,
  id: string,
  type: string,
  data: string,
  metadata: string,
  prevHash: string | null,
  hash: string,
  logHash: string | null,
];

/** A ChainRow without the texts: what the walk of the chains reads while workers hash (see integrity.ts). */
export type LightChainRow = [
  position: number,
  stream: string,
  revision: number,
  prevHash: string | null,
  hash: string,
  logHash: string | null,
];

/** From `fromPosition` on, the log is chained under the key `keyId` (a new key, or the chain's back-fill). */
export interface LogKeyRange {
  fromPosition: number;
  keyId: string;
  recordedAt: string;
  note: string;
}

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
  /** Every append of a group in one IMMEDIATE transaction: one commit, one fsync. */
  private readonly commitGroup;
  private pending: PendingAppend[] = [];
  /** Group commits so far and the appends they carried (benchmarks report the mean group size). */
  readonly stats = { commits: 0, appends: 0 };
  private flushScheduled = false;
  /**
   * Each stream's last revision and hash as this process last wrote or read them, so an append skips
   * the SELECT. Another process (the CLI, a second app) may have appended since: then the cached
   * revision is too low, the INSERT hits the unique (stream, revision) index, and the append reads the
   * stream's head again (see `append`). A cached value is also re-read before a conflict is reported.
   */
  private readonly heads = new Map<string, StreamHead>();
  private readonly preparedByText = new Map<string, Database.Statement>();
  private readonly logKey: LogKey;
  private readonly checkpointer: WalCheckpointer | null;

  constructor(options: SqliteEventStoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.logKey = options.logKey ?? UNKEYED_LOG;
    this.migrate();
    this.statements = {
      unitIndex: this.db.prepare(
        'INSERT OR IGNORE INTO event_units (unit_id, position, occurred_at, recorded_at) VALUES (?, ?, ?, ?)',
      ),
      last: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (position, stream, revision, id, type, data, metadata, prev_hash, hash, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // The end of the rowid b-tree: one page read. Read in the write transaction, so never stale.
      logTail: this.db
        .prepare<[], [number, string | null]>('SELECT position, log_hash FROM events ORDER BY position DESC LIMIT 1')
        .raw(),
      // Rows as arrays, like readAll: better-sqlite3's row objects cost about a third more to build.
      wholeStream: this.db
        .prepare<[string], RawRow>(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`)
        .raw(),
      head: this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events'),
      countAfter: this.db.prepare<[number, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)',
      ),
    };
    this.commitGroup = this.db.transaction((group: PendingAppend[]) => group.map((item) => this.appendInGroup(item)));
    // In NORMAL a commit does not sync, and the worker takes the checkpoints' copying and syncing off it. In FULL
    // each commit syncs the WAL, and the worker's syncs beside them cost more than they saved: single appends fell
    // to 46–76% of raw, against 86–101% without it (docs/benchmarks.md). So FULL checkpoints as SQLite does.
    this.checkpointer = (options.synchronous ?? 'FULL') === 'NORMAL' ? WalCheckpointer.start(this.db) : null;
  }

  /**
   * Group commit: appends made while the event loop is busy (concurrent commands) wait for the end of
   * the loop turn and then commit together, in one transaction and so with one fsync. Each keeps its
   * own expected-revision check, so a conflict fails only its own append; each caller is answered only
   * once the whole group is durable.
   */
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, events, expected, resolve, reject });
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.pending;
    this.pending = [];
    this.flushScheduled = false;
    this.commit(group);
  }

  private commit(group: PendingAppend[]): void {
    let outcomes: (AppendResult | { error: unknown })[];
    try {
      outcomes = this.commitGroup.immediate(group);
    } catch (error) {
      // Nothing of the group was written. An append that failed half-way took the group down with it:
      // the others go again, each in a transaction of its own.
      for (const item of group) this.heads.delete(item.stream);
      if (error instanceof HalfWrittenAppend && group.length > 1) {
        for (const item of group) this.commit([item]);
        return;
      }
      const cause: unknown = error instanceof HalfWrittenAppend ? error.cause : error;
      for (const item of group) item.reject(cause);
      return;
    }
    this.stats.commits++;
    this.stats.appends += group.length;
    let appended = false;
    group.forEach((item, i) => {
      const outcome = outcomes[i];
      if ('error' in outcome) return item.reject(outcome.error);
      appended ||= outcome.events.length > 0;
      item.resolve(outcome);
    });
    if (appended) this.signal.notify();
  }

  /**
   * Whether the append being decided has written a row yet. Every refusal (a wrong expected revision, a
   * stale cached head meeting the unique index on its first INSERT) comes before the first write, so a
   * refused append leaves the group's transaction as it found it, without a savepoint: SQLite copies each
   * page a savepoint touches, and an insert inside one cost half as much again (docs/benchmarks.md).
   */
  private wrote = false;

  /** One append inside the group transaction; its result, or the error that refused it before it wrote. */
  private appendInGroup({ stream, events, expected }: PendingAppend): AppendResult | { error: unknown } {
    try {
      let result: AppendResult;
      try {
        result = this.appendInTransaction(stream, events, expected, this.heads.get(stream));
      } catch (error) {
        this.heads.delete(stream);
        if (this.wrote || !isUniqueViolation(error)) throw error;
        // Our cached head was stale: another process appended to this stream. Decide again on the real head.
        result = this.appendInTransaction(stream, events, expected, undefined);
      }
      if (result.events.length > 0) {
        // Later appends of the same group read this head; should the commit fail, commit() forgets it.
        const tail = result.events[result.events.length - 1];
        if (this.heads.size >= MAX_CACHED_HEADS) this.heads.clear();
        this.heads.set(stream, { revision: tail.revision, hash: tail.hash });
      }
      return result;
    } catch (error) {
      if (this.wrote) throw new HalfWrittenAppend(error);
      return { error };
    }
  }

  private appendInTransaction(
    stream: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    cached: StreamHead | undefined,
  ): AppendResult {
    this.wrote = false;
    let last = cached ?? this.readHead(stream);
    if (!expectationHolds(expected, last.revision) && cached) last = this.readHead(stream);
    if (!expectationHolds(expected, last.revision)) {
      throw new WrongExpectedRevisionError(stream, expected, actualRevision(last.revision));
    }
    if (events.length === 0) {
      return { nextExpectedRevision: last.revision, position: this.head(), events: [] };
    }
    const sealed = sealEventTexts(stream, events, last, this.now());
    const logTail = this.statements.logTail.get();
    let position = (logTail?.[0] ?? 0) + 1;
    let logHash = logTail?.[1] ?? null;
    const recorded: RecordedEvent[] = sealed.map(({ event, dataText, metadataText }) => {
      logHash = logLink(this.logKey, logHash, position, event.hash);
      const { lastInsertRowid } = this.statements.insert.run(
        position++,
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
      this.wrote = true;
      // The per-unit index commits with the event, so a unit's history is never missing a recorded event.
      // INSERT OR IGNORE: a unit named twice in one event is indexed once.
      for (const unitId of event.metadata.unitIds ?? [])
        this.statements.unitIndex.run(unitId, lastInsertRowid, event.metadata.occurredAt, event.metadata.recordedAt);
      // Fields in the order fromRaw gives them, so events appended and events read share one shape in V8.
      const { id, revision, type, data, metadata, prevHash, hash } = event;
      return { id, stream, revision, position: BigInt(lastInsertRowid), type, data, metadata, prevHash, hash };
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
    if (direction === 'forwards' && from === undefined && limit === undefined)
      return this.statements.wholeStream.all(stream).map(fromRaw);
    const forwards = direction === 'forwards';
    const sql = `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision ${forwards ? '>=' : '<='} ?
      ORDER BY revision ${forwards ? 'ASC' : 'DESC'} LIMIT ${sqlLimit(limit)}`;
    const start = from ?? (forwards ? 0 : Number.MAX_SAFE_INTEGER);
    return (this.cached(sql) as Database.Statement<[string, number], EventRow>).all(stream, start).map(toRecorded);
  }

  async readAll({ after = 0n, limit, types }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const where = types ? 'position > ? AND type IN (SELECT value FROM json_each(?))' : 'position > ?';
    const sql = `SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY position LIMIT ${sqlLimit(limit)}`;
    // Arrays rather than row objects: a rebuild reads every event, and better-sqlite3 builds an array
    // of nine columns in about two thirds of the time it takes to build the object (docs/benchmarks.md).
    const statement = this.cached(sql, { raw: true }) as Database.Statement<unknown[], RawRow>;
    const rows = types ? statement.all(Number(after), JSON.stringify(types)) : statement.all(Number(after));
    return rows.map(fromRaw);
  }

  /**
   * A unit's events through the `event_units` index: a join on the positions of that unit only, so the
   * cost follows the unit's events, not the log's. Bounds and filters become SQL conditions.
   */
  async readUnit(unitId: string, options: ReadUnitOptions = {}): Promise<RecordedEvent[]> {
    const conditions = ['u.unit_id = ?', 'u.position > ?'];
    const params: unknown[] = [unitId, Number(options.after ?? 0n)];
    const bound = (condition: string, value: unknown) => {
      conditions.push(condition);
      params.push(value);
    };
    if (options.atPosition !== undefined) bound('u.position <= ?', Number(options.atPosition));
    if (options.recordedBy !== undefined) bound('u.recorded_at <= ?', options.recordedBy);
    if (options.occurredBy !== undefined) bound('u.occurred_at <= ?', options.occurredBy);
    if (options.types !== undefined) bound('e.type IN (SELECT value FROM json_each(?))', JSON.stringify(options.types));
    const sql = `SELECT ${COLUMNS.replace(/(\w+)/g, 'e.$1')} FROM event_units u JOIN events e ON e.position = u.position
      WHERE ${conditions.join(' AND ')} ORDER BY u.position LIMIT ${sqlLimit(options.limit)}`;
    const statement = this.cached(sql, { raw: true }) as Database.Statement<unknown[], RawRow>;
    return statement.all(...params).map(fromRaw);
  }

  /** Creates the schema, and brings a file written by an earlier version up to SCHEMA_VERSION. */
  private migrate(): void {
    this.db
      .transaction(() => {
        this.db.exec(SCHEMA);
        const version = this.db.pragma('user_version', { simple: true }) as number;
        if (version < 1)
          this.db.exec(`INSERT OR IGNORE INTO event_units (unit_id, position, occurred_at, recorded_at)
          SELECT DISTINCT u.value, e.position, json_extract(e.metadata, '$.occurredAt'), json_extract(e.metadata, '$.recordedAt')
          FROM events e, json_each(e.metadata, '$.unitIds') u`);
        if (version < 2) this.chainExistingLog();
        if (version < SCHEMA_VERSION) this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
        this.noteLogKey();
      })
      .immediate();
  }

  /** Version 2: chains the events of a file written before the global log had a chain. */
  private chainExistingLog(): void {
    const columns = this.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('events') as string[];
    if (!columns.includes('log_hash')) this.db.exec('ALTER TABLE events ADD COLUMN log_hash TEXT');
    // Pages of rows: better-sqlite3 cannot write while a statement iterates on the same connection.
    const page = this.db
      .prepare<[number], [number, string]>(
        'SELECT position, hash FROM events WHERE position > ? ORDER BY position LIMIT 10000',
      )
      .raw();
    const update = this.db.prepare('UPDATE events SET log_hash = ? WHERE position = ?');
    let logHash: string | null = null;
    let count = 0;
    let last = 0;
    for (let rows = page.all(last); rows.length > 0; rows = page.all(last)) {
      for (const [position, hash] of rows) {
        logHash = logLink(this.logKey, logHash, position, hash);
        update.run(logHash, position);
        last = position;
      }
      count += rows.length;
    }
    if (count === 0) return;
    this.db
      .prepare('INSERT OR REPLACE INTO log_keys (from_position, key_id, recorded_at, note) VALUES (1, ?, ?, ?)')
      .run(
        this.logKey.id,
        this.now(),
        `back-filled: the ${count} events up to position ${last}, written before the log had a chain, were chained ` +
          `when this file was first opened by a version with one; an edit made before then shows only in the stream chains`,
      );
  }

  /**
   * Records the key the log is chained under from the next position on, when it is not the one recorded last
   * (the first open, or a new key): verify then checks each range under its own key, and names a range whose
   * key it does not hold.
   */
  private noteLogKey(): void {
    const last = this.db
      .prepare<[], { key_id: string }>('SELECT key_id FROM log_keys ORDER BY from_position DESC LIMIT 1')
      .get();
    if (last?.key_id === this.logKey.id) return;
    const next =
      (this.db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events').get()?.head ?? 0) + 1;
    this.db
      .prepare('INSERT OR REPLACE INTO log_keys (from_position, key_id, recorded_at, note) VALUES (?, ?, ?, ?)')
      .run(next, this.logKey.id, this.now(), last ? `key changed from ${last.key_id}` : 'first key of this log');
  }

  /** The id of the key this store chains new events under. */
  get logKeyId(): string {
    return this.logKey.id;
  }

  /** Stored rows after `after`, in log order, as the integrity check reads them (texts, not parsed). */
  readChainRows(after: number, limit: number): ChainRow[] {
    const sql = `SELECT ${COLUMNS}, log_hash FROM events WHERE position > ? ORDER BY position LIMIT ${sqlLimit(limit)}`;
    return (this.cached(sql, { raw: true }) as Database.Statement<[number], ChainRow>).all(after);
  }

  /** The same, without data and metadata. */
  readChainLightRows(after: number, limit: number): LightChainRow[] {
    const sql = `SELECT position, stream, revision, prev_hash, hash, log_hash FROM events WHERE position > ? ORDER BY position LIMIT ${sqlLimit(limit)}`;
    return (this.cached(sql, { raw: true }) as Database.Statement<[number], LightChainRow>).all(after);
  }

  /** The stored row at `position`, if any. */
  chainRowAt(position: number): ChainRow | undefined {
    const sql = `SELECT ${COLUMNS}, log_hash FROM events WHERE position = ?`;
    return (this.cached(sql, { raw: true }) as Database.Statement<[number], ChainRow>).get(position);
  }

  /** Which key chains the log from which position on. */
  logKeyRanges(): LogKeyRange[] {
    return this.db
      .prepare<[], LogKeyRange>(
        'SELECT from_position AS fromPosition, key_id AS keyId, recorded_at AS recordedAt, note FROM log_keys ORDER BY from_position',
      )
      .all();
  }

  /** The SQLite file's path (the integrity check keeps its checkpoints beside the events, in the same file). */
  get file(): string {
    return this.db.name;
  }

  /**
   * A statement prepared once per SQL text. Limits are written into the SQL rather than bound: SQLite
   * (built with STAT4, as better-sqlite3 is) prepares a statement with a bound LIMIT again on every run,
   * which cost a 4-event stream read about 40% more time. Callers use a handful of limits, so the cache stays small.
   */
  private cached(sql: string, { raw = false } = {}): Database.Statement {
    let statement = this.preparedByText.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (raw) statement.raw();
      this.preparedByText.set(sql, statement);
    }
    return statement;
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
    if (this.pending.length > 0) this.flush();
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  private head(): bigint {
    return BigInt(this.statements.head.get()?.head ?? 0);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** A LIMIT clause's value: all rows (-1) unless a non-negative whole number is given. */
const sqlLimit = (limit: number | undefined): number => {
  if (limit === undefined) return -1;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, not ${limit}`);
  return limit;
};

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
