/**
 * Pure translations between our event store port and the KurrentDB (EventStoreDB) client:
 * positions, expected revisions, event shapes and errors. No I/O here, so all of it is
 * unit-tested without a server (see eventstoredb-event-store.spec.ts).
 */
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  jsonEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type Direction,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../messages.js';
import {
  WrongExpectedRevisionError,
  type ActualRevision,
  type ExpectedRevision,
  type ReadStreamOptions,
} from './event-store.js';

const PREPARE_BITS = 64n;
const PREPARE_MASK = (1n << PREPARE_BITS) - 1n;

/**
 * Packs a KurrentDB log position into one bigint, `(commit << 64) | prepare`. Positions compare
 * by commit first, then prepare (events of one append share a commit position), and the packed
 * value orders exactly the same way because prepare always fits in 64 bits.
 */
export const encodePosition = ({ commit, prepare }: Position): bigint => {
  if (commit < 0n || prepare < 0n || prepare > PREPARE_MASK) {
    throw new RangeError(`Not a KurrentDB log position: commit ${commit}, prepare ${prepare}`);
  }
  return (commit << PREPARE_BITS) | prepare;
};

/** Unpacks a position made by {@link encodePosition}. */
export const decodePosition = (position: bigint): Position => {
  if (position < 0n) throw new RangeError(`Not an encoded KurrentDB position: ${position}`);
  return { commit: position >> PREPARE_BITS, prepare: position & PREPARE_MASK };
};

/**
 * Where a forwards read or subscription of $all starts for "strictly after `after`": the start of
 * the log for 0n, else the position itself. The server includes the event found there, so
 * callers still drop it with {@link isPastCursor}.
 */
export const readPositionAfter = (after: bigint): ReadPosition => (after === 0n ? START : decodePosition(after));

/**
 * Where a backwards read of $all starts for "strictly before `before`": the end of the log for
 * 0n, else the position itself (dropped by {@link isPastCursor} if the server returns it).
 */
export const readPositionBefore = (before: bigint): ReadPosition => (before === 0n ? END : decodePosition(before));

/**
 * Whether an event read from $all lies strictly beyond the cursor in the reading direction.
 * A cursor of 0n means "from the open end" (start forwards, end backwards): everything passes.
 * This is what makes our `after` exclusive although KurrentDB's `fromPosition` is inclusive.
 */
export const isPastCursor = (position: bigint, cursor: bigint, direction: Direction = FORWARDS): boolean => {
  if (direction === FORWARDS) return position > cursor;
  return cursor === 0n || position < cursor;
};

/** The caller's expectation in the client's terms (only used where we do not pin the revision). */
export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
};

/**
 * The stream state an append is pinned to: exactly the last revision we read (-1 for an empty
 * stream). Pinning is what keeps the hash chain unbroken: our `prevHash` is only right if no one
 * appended between our read and our write.
 */
export const pinnedStreamState = (lastRevision: number): AppendStreamState =>
  lastRevision < 0 ? NO_STREAM : BigInt(lastRevision);

/** A stream state reported by the server (a revision, `no_stream`, or negative for deleted) as ours. */
export const toActualRevision = (state: CurrentStreamState): ActualRevision =>
  state === NO_STREAM || state < 0n ? 'no_stream' : Number(state);

/** What an event store call to `readStream` needs, or undefined when the answer is surely empty. */
export interface StreamReadPlan {
  direction: Direction;
  fromRevision: ReadRevision;
  maxCount: number;
}

/** Maps our stream read options (0-based, inclusive `from`) onto the client's `readStream` options. */
export const streamReadPlan = ({ direction = 'forwards', from, limit }: ReadStreamOptions = {}):
  StreamReadPlan | undefined => {
  if (limit !== undefined && limit <= 0) return undefined;
  const maxCount = limit ?? Number.MAX_SAFE_INTEGER;
  if (direction === 'forwards') {
    return { direction: FORWARDS, fromRevision: from === undefined ? START : BigInt(Math.max(0, from)), maxCount };
  }
  if (from !== undefined && from < 0) return undefined;
  return { direction: BACKWARDS, fromRevision: from === undefined ? END : BigInt(from), maxCount };
};

/** The metadata stored with each event: ours plus the hash chain links, so the chain travels with it. */
export type StoredMetadata = EventMetadata & { prevHash: string | null; hash: string };

/**
 * A sealed event as the client appends it: JSON data as is, metadata carrying the hash chain,
 * and our event id as the KurrentDB event id (which also lets the server deduplicate retries).
 */
export const toEventData = (event: Omit<RecordedEvent, 'position'>): EventData => {
  const metadata: StoredMetadata = { ...event.metadata, prevHash: event.prevHash, hash: event.hash };
  return jsonEvent({
    id: event.id,
    type: event.type,
    // Any JSON value round-trips: the client stringifies data and parses it back on read.
    data: event.data as JSONType,
    metadata: { ...metadata },
  });
};

/**
 * The fields we use of a KurrentDB recorded event. Both the stream read and the $all
 * read/subscription shapes of the client satisfy it.
 */
export interface KurrentRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

/** System events and streams (`$…`): the server's own bookkeeping, never part of our log. */
export const isSystemRecord = (record: Pick<KurrentRecord, 'streamId' | 'type'>): boolean =>
  record.type.startsWith('$') || record.streamId.startsWith('$');

/** Reads a KurrentDB record written by {@link toEventData} back into exactly the RecordedEvent we sealed. */
export const toRecordedEvent = (record: KurrentRecord): RecordedEvent => {
  const where = `event ${record.id} (${record.streamId}@${record.revision})`;
  if (!record.isJson) throw new Error(`Unreadable ${where}: not JSON, so not written by Party Ledger`);
  if (!record.position) throw new Error(`Unreadable ${where}: the server gave no log position (KurrentDB < 22.6?)`);
  const stored = record.metadata;
  if (!isStoredMetadata(stored)) throw new Error(`Unreadable ${where}: its metadata carries no hash chain`);
  const { prevHash, hash, ...metadata } = stored;
  return {
    id: record.id,
    stream: record.streamId,
    revision: Number(record.revision),
    position: encodePosition(record.position),
    type: record.type,
    data: record.data,
    metadata,
    prevHash,
    hash,
  };
};

const isStoredMetadata = (value: unknown): value is StoredMetadata => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { prevHash, hash } = value as Record<string, unknown>;
  return typeof hash === 'string' && (prevHash === null || typeof prevHash === 'string');
};

/** The part of the client's WrongExpectedVersionError we rely on. */
interface WrongExpectedVersionLike {
  type: ErrorType.WRONG_EXPECTED_VERSION;
  actualState: CurrentStreamState;
}

/**
 * Recognises the client's WrongExpectedVersionError by its `type` tag rather than `instanceof`,
 * so that an error from another copy of the client library is recognised too.
 */
export const isWrongExpectedVersion = (error: unknown): error is WrongExpectedVersionLike =>
  typeof error === 'object' &&
  error !== null &&
  (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION &&
  'actualState' in error;

/**
 * Our conflict error for a server-side WrongExpectedVersion, reporting the caller's expectation
 * (not the revision we pinned) and the stream's actual state; undefined for any other error.
 */
export const toWrongExpectedRevision = (
  error: unknown,
  stream: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError | undefined =>
  isWrongExpectedVersion(error)
    ? new WrongExpectedRevisionError(stream, expected, toActualRevision(error.actualState))
    : undefined;

/** Whether an error means "this stream has no events" (the client throws it from reads of such streams). */
export const isStreamNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;

/**
 * The host part of a connection string (`kurrentdb://user:pass@host:2113?tls=false` gives
 * `host:2113`), for error messages: never the credentials.
 */
export const connectionHost = (connectionString: string): string => {
  const afterScheme = connectionString.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const withoutPath = afterScheme.split(/[/?]/, 1)[0];
  const at = withoutPath.lastIndexOf('@');
  return (at >= 0 ? withoutPath.slice(at + 1) : withoutPath) || '(no host)';
};
