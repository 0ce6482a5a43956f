import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../src/core/messages.js';
import { canonicalJson } from '../src/core/event-store/hash-chain.js';

/*
 * A candidate for hash-chain.ts, measured by the append breakdown: the same bytes as canonicalJson
 * (so existing chains still verify), built with string concatenation instead of map/filter/join
 * arrays. appendBreakdown checks it against canonicalJson on every event before timing it.
 */
export const fastCanonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Cannot hash a non-finite number');
    if (typeof value === 'bigint') return JSON.stringify(value.toString());
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + fastCanonicalJson(value[i] ?? null);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + fastCanonicalJson(item);
  }
  return out + '}';
};

type Hashable = Omit<RecordedEvent, 'position' | 'hash'>;
type Metadata = RecordedEvent['metadata'];

const METADATA_KEYS = new Set(['actorId', 'actorRole', 'causationId', 'commandId', 'correlationId']);
for (const key of ['occurredAt', 'recordedAt', 'schemaVersion', 'unitIds']) METADATA_KEYS.add(key);
const plain = (m: Metadata) =>
  Object.keys(m).every((k) => METADATA_KEYS.has(k)) &&
  [m.actorId, m.actorRole, m.causationId, m.commandId, m.correlationId, m.occurredAt, m.recordedAt].every(
    (v) => typeof v === 'string',
  ) &&
  Number.isFinite(m.schemaVersion) &&
  Array.isArray(m.unitIds) &&
  m.unitIds.every((u) => typeof u === 'string');

/**
 * EventMetadata has a fixed shape, so its canonical form can be written field by field in sorted
 * key order; anything unusual (an extra key, a non-string) falls back to the generic walk.
 */
export const metadataJson = (m: Metadata): string =>
  Object.keys(m).length !== METADATA_KEYS.size || !plain(m)
    ? fastCanonicalJson(m)
    : `{"actorId":${JSON.stringify(m.actorId)},"actorRole":${JSON.stringify(m.actorRole)},` +
      `"causationId":${JSON.stringify(m.causationId)},"commandId":${JSON.stringify(m.commandId)},` +
      `"correlationId":${JSON.stringify(m.correlationId)},"occurredAt":${JSON.stringify(m.occurredAt)},` +
      `"recordedAt":${JSON.stringify(m.recordedAt)},"schemaVersion":${JSON.stringify(m.schemaVersion)},` +
      `"unitIds":${JSON.stringify(m.unitIds)}}`;

/**
 * hashEvent's input without canonicalising the envelope: its seven keys are fixed, so their sorted
 * order (data, id, metadata, prevHash, revision, stream, type) can be written out. The canonical
 * data and metadata strings are returned too: they are valid JSON of the same values, so the adapter
 * could store them instead of calling JSON.stringify a second time.
 */
export const sealStrings = (event: Hashable): { data: string; metadata: string; hash: string } => {
  const data = fastCanonicalJson(event.data);
  const metadata = metadataJson(event.metadata);
  const input =
    `{"data":${data},"id":${JSON.stringify(event.id)},"metadata":${metadata},` +
    `"prevHash":${JSON.stringify(event.prevHash)},"revision":${JSON.stringify(event.revision)},` +
    `"stream":${JSON.stringify(event.stream)},"type":${JSON.stringify(event.type)}}`;
  return { data, metadata, hash: createHash('sha256').update(input).digest('hex') };
};

/**
 * Not the same bytes, so a new chain version: sha256 over the very strings the adapter stores
 * (JSON.stringify of data and metadata) and the envelope fields, joined by newlines. verifyChain
 * would then hash the stored text as read, with no canonical walk at either end.
 */
export const storedTextHash = (event: Hashable): { data: string; metadata: string; hash: string } => {
  const data = JSON.stringify(event.data);
  const metadata = JSON.stringify(event.metadata);
  const input = `2\n${event.id}\n${event.stream}\n${event.revision}\n${event.type}\n${event.prevHash ?? ''}\n${data}\n${metadata}`;
  return { data, metadata, hash: createHash('sha256').update(input).digest('hex') };
};

/** Throws unless both candidates give hashEvent's exact bytes and hash on every event. */
export const assertSameBytes = (events: Hashable[], hashOf: (event: Hashable) => string): void => {
  for (const event of events) {
    if (fastCanonicalJson(event) !== canonicalJson(event)) throw new Error(`fastCanonicalJson differs on ${event.id}`);
    if (metadataJson(event.metadata) !== canonicalJson(event.metadata)) throw new Error(`metadataJson differs`);
    if (sealStrings(event).hash !== hashOf(event)) throw new Error(`sealStrings hash differs on ${event.id}`);
  }
};
