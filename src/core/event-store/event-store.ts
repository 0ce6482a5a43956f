import type { NewEvent, RecordedEvent } from '../messages.js';

/**
 * What the writer expects of the stream before its append:
 * - `any`: no check;
 * - `no_stream`: the stream has no events yet;
 * - `stream_exists`: the stream has at least one event;
 * - a number: the revision of the stream's last event (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** A stream's actual state in a conflict: its last revision, or `no_stream`. */
export type ActualRevision = number | 'no_stream';

export interface AppendResult {
  /** Revision of the last event appended. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  position: bigint;
  events: RecordedEvent[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First revision to read (inclusive). Defaults to the start (forwards) or the end (backwards). */
  from?: number;
  /** Maximum number of events. Defaults to all. */
  limit?: number;
}

export interface ReadAllOptions {
  /** Read events strictly after this global position; 0n (the default) means from the beginning. */
  after?: bigint;
  limit?: number;
  /**
   * Only events of these types (all when absent). A projection rebuild reads only what it handles, so
   * the store can skip the rest without decoding it. `limit` counts the events returned.
   */
  types?: readonly string[];
}

/**
 * A unit's events (those naming it in `metadata.unitIds`), in global order, optionally as they stood
 * at a point: the three bounds combine.
 */
export interface ReadUnitOptions {
  /** Only events at or before this global position: what the log held then ("as known at"). */
  atPosition?: bigint;
  /** Only events recorded (`recordedAt`) at or before this ISO instant: "as known at" by record time. */
  recordedBy?: string;
  /** Only events whose business time (`occurredAt`) is at or before this ISO instant: "as of". */
  occurredBy?: string;
  /** Paging: events strictly after this position. */
  after?: bigint;
  limit?: number;
  types?: readonly string[];
}

/** Whether an event belongs to a unit read (for adapters that filter in memory). */
export const matchesUnitRead = (event: RecordedEvent, unitId: string, options: ReadUnitOptions): boolean =>
  event.metadata.unitIds?.includes(unitId) === true &&
  event.position > (options.after ?? 0n) &&
  (options.atPosition === undefined || event.position <= options.atPosition) &&
  (options.recordedBy === undefined || (event.metadata.recordedAt ?? '') <= options.recordedBy) &&
  (options.occurredBy === undefined || event.metadata.occurredAt <= options.occurredBy) &&
  (options.types === undefined || options.types.includes(event.type));

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint); 0n means from the beginning. */
  after?: bigint;
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
}

/** Receives events in global order, one batch at a time; the next batch waits for the returned promise. */
export type BatchHandler = (events: RecordedEvent[]) => void | Promise<void>;

export interface Subscription {
  /** Resolves once the subscription has delivered everything that was in the log when it started. */
  readonly caughtUp: Promise<void>;
  /** Resolves when the subscription ends: after stop(), or rejects when the handler or the store fails. */
  readonly done: Promise<void>;
  /** Stops after the batch in flight; resolves when no handler runs any more. */
  stop(): Promise<void>;
}

/**
 * The event store port. Every adapter (memory, sqlite, eventstoredb) passes the same
 * contract suite in event-store.contract.ts.
 *
 * Guarantees:
 * - `append` is atomic: all events land, consecutively in the stream, or none.
 * - A failed expectation throws {@link WrongExpectedRevisionError}, and nothing is written.
 * - Global positions only grow; `readAll` and `subscribeAll` deliver in that order.
 * - `subscribeAll` catches up from a checkpoint and then goes live with no gap and no duplicate.
 * - Each stream carries a hash chain (`prevHash`, `hash`) that `verifyChain` checks.
 */
export interface EventStore {
  readonly kind: 'memory' | 'sqlite' | 'eventstoredb';
  append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Every event of one unit, in global order, at a cost in proportion to that unit's events where the
   * adapter keeps a per-unit index (SQLite); audits and per-unit scores read through it.
   */
  readUnit(unitId: string, options?: ReadUnitOptions): Promise<RecordedEvent[]>;
  subscribeAll(options: SubscribeOptions, handler: BatchHandler): Subscription;
  /** Position of the last event in the log; 0n when the log is empty. */
  headPosition(): Promise<bigint>;
  /** How many events lie after `position`, counting at most `cap` (for lag reports). */
  countAfter(position: bigint, cap?: number): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Thrown when an append's expected revision does not match the stream. Answered as HTTP 409. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`Stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Checks an expectation against a stream's last revision (-1 when it has no events). */
export const expectationHolds = (expected: ExpectedRevision, last: number): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return last === -1;
  if (expected === 'stream_exists') return last >= 0;
  return expected === last;
};

export const actualRevision = (last: number): ActualRevision => (last < 0 ? 'no_stream' : last);
