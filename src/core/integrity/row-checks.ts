import { hashEventV1, hashStoredText, logLink, type LogKey } from '../event-store/hash-chain.js';
import type { ChainRow } from '../event-store/sqlite-event-store.js';

/** Whether a stored row's hash recomputes: on the very text stored (chain v2), or on the parsed event (v1). */
export const rowContentMatches = ([
  ,
  stream,
  revision,
  id,
  type,
  data,
  metadata,
  prevHash,
  hash,
]: ChainRow): boolean => {
  if (hashStoredText({ id, stream, revision, type, prevHash }, data, metadata) === hash) return true;
  try {
    return (
      hashEventV1({ id, stream, revision, type, data: JSON.parse(data), metadata: JSON.parse(metadata), prevHash }) ===
      hash
    );
  } catch {
    return false; // text that is not even JSON any more
  }
};

/** From `fromPosition` on, the log is chained under `key` (null: a key this installation does not hold). */
export interface KeyRange {
  fromPosition: number;
  key: LogKey | null;
}

/** The key of a position, from ranges sorted by `fromPosition`. */
export const keyAtIn = (ranges: readonly KeyRange[], fallback: LogKey | null) => (position: number | bigint) => {
  let key = ranges.length > 0 ? ranges[0].key : fallback;
  for (const range of ranges) if (BigInt(range.fromPosition) <= BigInt(position)) key = range.key;
  return key;
};

/** A fault a hashing worker found: the content does not match its hash, or the log hash does not verify. */
export interface HashFault {
  kind: 'altered' | 'log-chain';
  position: number;
  stream: string;
  revision: number;
}

/**
 * The two checks that cost (a SHA-256 and an HMAC per event) over consecutive rows; each row's log hash
 * is checked against the stored hash of the row before it, so ranges can be checked apart and at once.
 */
export class RowHasher {
  readonly faults: HashFault[] = [];
  omitted = 0;
  checked = 0;

  constructor(
    private readonly keyAt: (position: number) => LogKey | null,
    private previousLogHash: string | null,
    private readonly maxFaults = 1000,
  ) {}

  add(row: ChainRow): void {
    this.checked++;
    const [position, stream, revision, , , , , , hash, logHash] = row;
    if (!rowContentMatches(row)) this.fault({ kind: 'altered', position, stream, revision });
    const key = this.keyAt(position);
    if (key && logLink(key, this.previousLogHash, position, hash) !== logHash)
      this.fault({ kind: 'log-chain', position, stream, revision });
    this.previousLogHash = logHash;
  }

  private fault(fault: HashFault): void {
    if (this.faults.length < this.maxFaults) this.faults.push(fault);
    else this.omitted++;
  }
}
