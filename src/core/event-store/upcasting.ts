import type { RecordedEvent } from '../messages.js';
import type {
  BatchHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadUnitOptions,
  SubscribeOptions,
} from './event-store.js';

/** Turns `data` of schema version `fromVersion` into version `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  up: (data: unknown) => unknown;
}

/**
 * Upcasters registered per event type, applied on read so that deciders and projections only
 * ever see the current shape. Stored events are never rewritten: hashes stay valid and
 * `verifyChain` runs on the raw store.
 */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: Upcaster[] = []) {
    upcasters.forEach((upcaster) => this.register(upcaster));
  }

  register(upcaster: Upcaster): this {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
    this.byKey.set(key, upcaster);
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (;;) {
      const upcaster = this.byKey.get(`${current.type}@${current.metadata.schemaVersion}`);
      if (!upcaster) return current;
      current = {
        ...current,
        data: upcaster.up(current.data),
        metadata: { ...current.metadata, schemaVersion: current.metadata.schemaVersion + 1 },
      };
    }
  }
}

/** The same store, reading through the upcasters. Appends and positions pass straight through. */
export const withUpcasting = (store: EventStore, upcasters: Upcasters): EventStore => {
  if (upcasters.size === 0) return store;
  const lift = (events: RecordedEvent[]) => events.map((event) => upcasters.upcast(event));
  return {
    kind: store.kind,
    append: (stream, events, expected) => store.append(stream, events, expected),
    readStream: async (stream: string, options?: ReadStreamOptions) => lift(await store.readStream(stream, options)),
    readAll: async (options?: ReadAllOptions) => lift(await store.readAll(options)),
    readUnit: async (unitId: string, options?: ReadUnitOptions) => lift(await store.readUnit(unitId, options)),
    subscribeAll: (options: SubscribeOptions, handler: BatchHandler) =>
      store.subscribeAll(options, (batch) => handler(lift(batch))),
    headPosition: () => store.headPosition(),
    countAfter: (position, cap) => store.countAfter(position, cap),
    close: () => store.close(),
  };
};
