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
  matchesUnitRead,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ReadUnitOptions,
  type SubscribeOptions,
  type Subscription,
} from './event-store.js';
import { sealEvents } from './hash-chain.js';
import { AppendSignal, pollingSubscription } from './polling-subscription.js';
import { sliceStream } from './read-slice.js';

/** In-process event store for unit tests: same semantics as the others, nothing on disk. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly signal = new AppendSignal();

  constructor(private readonly clock: Clock = systemClock) {}

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const existing = this.streams.get(stream) ?? [];
    const last = existing.length - 1;
    if (!expectationHolds(expected, last)) {
      throw new WrongExpectedRevisionError(stream, expected, actualRevision(last));
    }
    if (events.length === 0) {
      return { nextExpectedRevision: last, position: await this.headPosition(), events: [] };
    }
    const sealed = sealEvents(stream, events, { revision: last, hash: existing[last]?.hash ?? null }, this.now());
    // Deep copies: a caller mutating its objects later must not rewrite history.
    const recorded = sealed.map((event, index) => ({
      ...structuredClone(event),
      position: BigInt(this.log.length + index + 1),
    }));
    this.log.push(...recorded);
    this.streams.set(stream, [...existing, ...recorded]);
    this.signal.notify();
    const tail = recorded[recorded.length - 1];
    return { nextExpectedRevision: tail.revision, position: tail.position, events: structuredClone(recorded) };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return structuredClone(sliceStream(this.streams.get(stream) ?? [], options));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const start = Number(options.after ?? 0n);
    const types = options.types && new Set(options.types);
    const wanted = types ? this.log.slice(start).filter((event) => types.has(event.type)) : this.log.slice(start);
    return structuredClone(options.limit === undefined ? wanted : wanted.slice(0, options.limit));
  }

  async readUnit(unitId: string, options: ReadUnitOptions = {}): Promise<RecordedEvent[]> {
    const wanted = this.log.filter((event) => matchesUnitRead(event, unitId, options));
    return structuredClone(options.limit === undefined ? wanted : wanted.slice(0, options.limit));
  }

  subscribeAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    return pollingSubscription(
      {
        readAll: (o) => this.readAll(o),
        headPosition: () => this.headPosition(),
        signal: this.signal,
        pollIntervalMs: 1000,
      },
      options,
      handler,
    );
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.log.length);
  }

  async countAfter(position: bigint, cap = Number.MAX_SAFE_INTEGER): Promise<number> {
    return Math.min(cap, Math.max(0, this.log.length - Number(position)));
  }

  async close(): Promise<void> {}

  private now(): string {
    return this.clock.now().toISOString();
  }
}
