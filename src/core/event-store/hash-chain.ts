import { createHash, randomUUID } from 'node:crypto';
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

/** The fields a hash covers: everything stored except the global position, which the log assigns. */
type Hashable = Omit<RecordedEvent, 'position' | 'hash'>;

export const hashEvent = (event: Hashable): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        id: event.id,
        stream: event.stream,
        revision: event.revision,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        prevHash: event.prevHash,
      }),
    )
    .digest('hex');

/**
 * Gives new events their ids, revisions, record time and hashes, continuing the chain after
 * `last` (the stream's last revision, -1 when empty, and its hash).
 */
export const sealEvents = (
  stream: string,
  events: NewEvent[],
  last: { revision: number; hash: string | null },
  recordedAt: string,
): Omit<RecordedEvent, 'position'>[] => {
  let prevHash = last.hash;
  return events.map((event, index) => {
    const metadata: EventMetadata = { ...event.metadata, recordedAt };
    const sealed: Hashable = {
      id: event.id ?? randomUUID(),
      stream,
      revision: last.revision + 1 + index,
      type: event.type,
      data: event.data,
      metadata,
      prevHash,
    };
    const hash = hashEvent(sealed);
    prevHash = hash;
    return { ...sealed, hash };
  });
};

export type ChainVerdict =
  { ok: true; count: number; lastHash: string | null } | { ok: false; count: number; brokenAt: number; reason: string };

/** Recomputes a stream's chain from revision 0; reports the first event that does not match. */
export const verifyChain = (events: RecordedEvent[]): ChainVerdict => {
  let prevHash: string | null = null;
  for (const [index, event] of events.entries()) {
    if (event.revision !== index) return broken(events, index, `revision ${event.revision} where ${index} belongs`);
    if (event.prevHash !== prevHash) return broken(events, index, 'prevHash does not match the previous event');
    if (hashEvent(event) !== event.hash) return broken(events, index, 'hash does not match the stored content');
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
