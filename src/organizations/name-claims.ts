import { createHash } from 'node:crypto';
import { envelope } from '../core/command-handling.js';
import { ConcurrencyError, type NameTakenError } from '../core/errors.js';
import { WrongExpectedRevisionError, type EventStore } from '../core/event-store/event-store.js';
import { nameKey } from '../core/http/validation.js';
import { streamName, type CommandMetadata } from '../core/messages.js';
import type { NameClaimed } from './organizations.events.js';

/**
 * A name that must be unique (a unit's, a Party organisation's) is claimed on a stream of its own,
 * `unitName-<hash of the name>`, before the record takes it: two concurrent creates append to the
 * same stream at the revision they read, so only one can win. The claim is the owner's while the
 * owner still bears the name (renamed away, the name is free again), or for {@link IN_FLIGHT_MS}
 * after it was made while the owner's own stream does not exist yet (the create in flight; a claim
 * whose create then failed is free again afterwards).
 */
export type NameCategory = 'unitName' | 'partyOrgName';

export const IN_FLIGHT_MS = 5 * 60_000;
const RETRIES = 3;

export const nameClaimStream = (category: NameCategory, name: string): string =>
  streamName(category, createHash('sha256').update(nameKey(name)).digest('hex').slice(0, 40));

export interface NameClaim {
  category: NameCategory;
  name: string;
  ownerId: string;
  /** The owner's current name as its own stream tells it, or null when that stream does not exist. */
  currentNameOf: (ownerId: string) => Promise<string | null>;
  /** The refusal naming the record that holds the name. */
  taken: (existing: { id: string; name: string }) => NameTakenError;
  unitIds: string[];
}

/** Claims `name` for `ownerId`, or throws `taken` when another record holds it. Idempotent for the owner. */
export const claimName = async (store: EventStore, claim: NameClaim, metadata: CommandMetadata): Promise<void> => {
  const stream = nameClaimStream(claim.category, claim.name);
  for (let attempt = 0; ; attempt++) {
    const history = await store.readStream(stream, { direction: 'backwards', limit: 1 });
    const last = history[0] as (typeof history)[number] & NameClaimed;
    if (last && last.data.ownerId === claim.ownerId) return;
    if (last) {
      const holderName = await claim.currentNameOf(last.data.ownerId);
      const holds =
        holderName === null
          ? Date.parse(metadata.now) - Date.parse(last.metadata.occurredAt) < IN_FLIGHT_MS
          : nameKey(holderName) === nameKey(claim.name);
      if (holds) throw claim.taken({ id: last.data.ownerId, name: holderName ?? last.data.name });
    }
    const event: NameClaimed = {
      type: 'NameClaimed',
      data: { ownerId: claim.ownerId, name: claim.name },
      metadata: { unitIds: claim.unitIds },
    };
    try {
      await store.append(stream, [envelope(event, metadata)], last ? last.revision : 'no_stream');
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= RETRIES) throw new ConcurrencyError(stream, String(error.expected), String(error.actual));
    }
  }
};
