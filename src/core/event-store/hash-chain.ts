import { createHmac, hash, randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '../messages.js';

/**
 * JSON with object keys sorted at every depth and no insignificant white space, so that the same
 * event always hashes to the same value whatever order its keys were built in.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Cannot hash a non-finite number');
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  // Dates (and anything with toJSON) are hashed as JSON.stringify stores them, or a read-back would not verify.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
};

/** Node's one-shot hash (20.12+), which spares the Hash object createHash builds: 1.3 µs a stored event, not 2.0. */
const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** The fields a hash covers: everything stored except the global position, which the log assigns. */
type Hashable = Omit<RecordedEvent, 'position' | 'hash'>;

/**
 * Chain version 1 (events sealed before 2026-11-23): sha256 over the canonical JSON of the whole event.
 * Still accepted by `verifyChain`, so older chains keep verifying.
 */
export const hashEventV1 = (event: Hashable): string =>
  sha256Hex(
    canonicalJson({
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      prevHash: event.prevHash,
    }),
  );

/**
 * Chain version 2: sha256 over the very JSON text the adapters store for data and metadata
 * (`JSON.stringify`), after a version tag and the envelope fields. Hashing the stored text spares every
 * append a second, canonical serialisation (the dearest step of an append, see docs/benchmarks.md), and
 * it stays verifiable after a read: `JSON.stringify(JSON.parse(text)) === text` for any text that
 * `JSON.stringify` produced, because parsing keeps key order and numbers print in their shortest form.
 * Data and metadata cannot contain a raw newline, so the newline-joined parts cannot run into each other.
 */
export const hashStoredText = (event: Omit<Hashable, 'data' | 'metadata'>, data: string, metadata: string): string =>
  sha256Hex(`2\n${envelopeText(event)}\n${data}\n${metadata}`);

/** Strings JSON writes as they are between quotes (no escapes): ids, stream names, types, hex hashes. */
const PLAIN = /^[\w.:@-]*$/;

/**
 * `JSON.stringify([id, stream, revision, type, prevHash])`, written directly when every string is plain
 * (the rule, not the exception): verifying a million events spends a good part of its time here.
 */
const envelopeText = ({ id, stream, revision, type, prevHash }: Omit<Hashable, 'data' | 'metadata'>): string =>
  PLAIN.test(id) &&
  PLAIN.test(stream) &&
  PLAIN.test(type) &&
  Number.isSafeInteger(revision) &&
  (prevHash === null || PLAIN.test(prevHash))
    ? `["${id}","${stream}",${revision},"${type}",${prevHash === null ? 'null' : `"${prevHash}"`}]`
    : JSON.stringify([id, stream, revision, type, prevHash]);

export const hashEvent = (event: Hashable): string =>
  hashStoredText(event, JSON.stringify(event.data), JSON.stringify(event.metadata));

/** A sealed event with the JSON text of its data and metadata, which adapters store as they are. */
export interface SealedEvent {
  event: Omit<RecordedEvent, 'position'>;
  dataText: string;
  metadataText: string;
}

/**
 * Gives new events their ids, revisions, record time and hashes, continuing the chain after
 * `last` (the stream's last revision, -1 when empty, and its hash).
 */
export const sealEventTexts = (
  stream: string,
  events: NewEvent[],
  last: { revision: number; hash: string | null },
  recordedAt: string,
): SealedEvent[] => {
  let prevHash = last.hash;
  // Object literals with every field named, not spreads of an envelope: an append of 100 events built each
  // sealed event twice over, and copying objects was a good part of its cost beyond the raw insert.
  return events.map(({ id: givenId, type, data, metadata: givenMetadata }, index) => {
    const id = givenId ?? randomUUID();
    const metadata: EventMetadata = { ...givenMetadata, recordedAt };
    const dataText = JSON.stringify(data);
    const metadataText = JSON.stringify(metadata);
    const revision = last.revision + 1 + index;
    const hash = hashStoredText({ id, stream, revision, type, prevHash }, dataText, metadataText);
    const event = { id, stream, revision, type, data, metadata, prevHash, hash };
    prevHash = hash;
    return { event, dataText, metadataText };
  });
};

/** The same, for adapters that hand the objects to their storage (memory, the KurrentDB client). */
export const sealEvents = (
  stream: string,
  events: NewEvent[],
  last: { revision: number; hash: string | null },
  recordedAt: string,
): Omit<RecordedEvent, 'position'>[] => sealEventTexts(stream, events, last, recordedAt).map(({ event }) => event);

export type ChainVerdict =
  { ok: true; count: number; lastHash: string | null } | { ok: false; count: number; brokenAt: number; reason: string };

/** Recomputes a stream's chain from revision 0; reports the first event that does not match. */
export const verifyChain = (events: RecordedEvent[]): ChainVerdict => {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    if (event.revision !== index) return broken(events, index, `revision ${event.revision} where ${index} belongs`);
    if (event.prevHash !== prevHash) return broken(events, index, 'prevHash does not match the previous event');
    if (hashEvent(event) !== event.hash && hashEventV1(event) !== event.hash)
      return broken(events, index, 'hash does not match the stored content');
    prevHash = event.hash;
  }
  return { ok: true, count: events.length, lastHash: prevHash };
};

const broken = (events: RecordedEvent[], index: number, reason: string): ChainVerdict => ({
  ok: false,
  count: events.length,
  brokenAt: index,
  reason,
});

/**
 * The key of the global log's chain. Each event's log hash is an HMAC-SHA256 under this secret, so a
 * writer who can edit the SQLite file but cannot read the key (kept apart from the data, see
 * src/core/integrity/audit-key.ts) cannot re-seal an edit, insert an event or close a gap: the log hash
 * of the row it touched, and of the row after it, no longer verify.
 */
export interface LogKey {
  /** Short id of the key (the first 16 hex digits of its public key's SHA-256); `none` for UNKEYED_LOG. */
  id: string;
  secret: Buffer;
}

/**
 * The log chain's key of a store opened without one (unit tests, benchmarks). It is public, so it proves
 * order and completeness only as far as a signed checkpoint covers; verify reports the range as unkeyed.
 */
export const UNKEYED_LOG: LogKey = { id: 'none', secret: Buffer.from('party-ledger unkeyed log chain v1') };

/**
 * One link of the global log's chain: covers the previous link (null at position 1 or after an empty
 * log), this event's position and its stream hash, which itself covers the event's content, stream and
 * revision. Altering, removing, inserting or reordering any event therefore changes every later link.
 */
export const logLink = (
  key: LogKey,
  prevLogHash: string | null,
  position: bigint | number,
  eventHash: string,
): string =>
  createHmac('sha256', key.secret)
    .update(`${prevLogHash ?? ''}\n${position}\n${eventHash}`)
    .digest('hex');
