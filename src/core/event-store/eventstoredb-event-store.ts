import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AppendResult as KurrentAppendResult,
  type Direction,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
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
import {
  connectionHost,
  encodePosition,
  isPastCursor,
  isStreamNotFound,
  isSystemRecord,
  pinnedStreamState,
  readPositionAfter,
  readPositionBefore,
  streamReadPlan,
  toEventData,
  toRecordedEvent,
  toWrongExpectedRevision,
} from './eventstoredb-codec.js';
import { sealEvents } from './hash-chain.js';
import { AppendSignal } from './polling-subscription.js';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`; `esdb://` still parses, but the client warns it is deprecated. */
  connectionString: string;
  clock?: Clock;
}

/** How often an append pinned to a revision is retried when others appended meanwhile (`any`/`stream_exists`). */
const APPEND_ATTEMPTS = 5;
/** Events read per request when paging through $all. */
const PAGE_SIZE = 1000;
const DEFAULT_COUNT_CAP = 10_000;
const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_PING_TIMEOUT_MS = 5000;

/**
 * The production adapter: EventStoreDB / KurrentDB through `@kurrent/kurrentdb-client`.
 *
 * Revisions are the server's own (0-based); global positions pack the server's
 * `{ commit, prepare }` into one bigint (see eventstoredb-codec.ts). Every append is pinned to
 * the revision read just before it, so the per-stream hash chain never forks even when several
 * processes write the same stream.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb';
  private readonly client: KurrentDBClient;
  private readonly clock: Clock;
  private readonly host: string;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: EventStoreDbEventStoreOptions) {
    this.host = connectionHost(options.connectionString);
    try {
      this.client = KurrentDBClient.connectionString(options.connectionString);
    } catch (cause) {
      // The client's message may quote the whole string, password included: name the host only.
      throw new Error(`Invalid EventStoreDB/KurrentDB connection string for ${this.host}`, { cause });
    }
    this.clock = options.clock ?? systemClock;
  }

  /** Opens a store and checks that the server answers; closes it again and throws when it does not. */
  static async connect(options: EventStoreDbEventStoreOptions, timeoutMs?: number): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(options);
    try {
      await store.ping(timeoutMs);
      return store;
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Reads one event of $all backwards: proves the server is reachable and lets us read. The
   * client retries discovery on its own for a long while, hence our own deadline.
   */
  async ping(timeoutMs = DEFAULT_PING_TIMEOUT_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.readAllPage(BACKWARDS, END, 1), deadline]);
    } catch (cause) {
      throw new Error(`EventStoreDB/KurrentDB at ${this.host} does not answer: ${describeError(cause)}`, { cause });
    } finally {
      clearTimeout(timer);
    }
  }

  async append(stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.lastEvent(stream);
      const lastRevision = last?.revision ?? -1;
      if (!expectationHolds(expected, lastRevision)) {
        throw new WrongExpectedRevisionError(stream, expected, actualRevision(lastRevision));
      }
      if (events.length === 0) {
        return { nextExpectedRevision: lastRevision, position: await this.headPosition(), events: [] };
      }
      const sealed = sealEvents(stream, events, { revision: lastRevision, hash: last?.hash ?? null }, this.now());
      let written: KurrentAppendResult;
      try {
        written = await this.client.appendToStream(stream, sealed.map(toEventData), {
          streamState: pinnedStreamState(lastRevision),
        });
      } catch (error) {
        const conflict = toWrongExpectedRevision(error, stream, expected);
        if (!conflict) throw error;
        // An exact expectation was pinned as given, so the conflict is the caller's. For `any` and
        // `stream_exists` the conflict only means someone appended after our read: seal again.
        if (typeof expected === 'number' || expected === 'no_stream' || attempt >= APPEND_ATTEMPTS) throw conflict;
        continue;
      }
      // Only reached with `throwOnAppendFailure=false` in the connection string.
      if (!written.success) {
        if (typeof expected === 'number' || expected === 'no_stream' || attempt >= APPEND_ATTEMPTS) {
          const now = await this.lastEvent(stream);
          throw new WrongExpectedRevisionError(stream, expected, actualRevision(now?.revision ?? -1));
        }
        continue;
      }
      const recorded = await this.readBack(stream, sealed, written);
      const tail = recorded[recorded.length - 1];
      return { nextExpectedRevision: tail.revision, position: tail.position, events: recorded };
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const plan = streamReadPlan(options);
    if (!plan) return [];
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, plan)) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after = 0n, limit, types }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const max = limit ?? Number.MAX_SAFE_INTEGER;
    const wanted = types && new Set(types);
    const events: RecordedEvent[] = [];
    if (max <= 0) return events;
    // The type filter runs here rather than as a server-side filter: exact names would need a regex
    // per type, and the pages read are the same either way for the logs this app writes.
    for await (const event of this.scanAll(FORWARDS, after, Math.min(max, PAGE_SIZE))) {
      if (wanted && !wanted.has(event.type)) continue;
      events.push(event);
      if (events.length >= max) break;
    }
    return events;
  }

  /**
   * KurrentDB keeps no index of our metadata, so this scans the log and filters here: fine for audits
   * of a small log, and the place to read a per-unit stream of links (`$by-unit`, written by a server
   * projection) once a deployment needs it.
   */
  async readUnit(unitId: string, options: ReadUnitOptions = {}): Promise<RecordedEvent[]> {
    const max = options.limit ?? Number.MAX_SAFE_INTEGER;
    const events: RecordedEvent[] = [];
    if (max <= 0) return events;
    for await (const event of this.scanAll(FORWARDS, options.after ?? 0n, PAGE_SIZE)) {
      if (options.atPosition !== undefined && event.position > options.atPosition) break;
      if (!matchesUnitRead(event, unitId, options)) continue;
      events.push(event);
      if (events.length >= max) break;
    }
    return events;
  }

  subscribeAll(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const subscription = this.liveSubscription(options, handler);
    this.subscriptions.add(subscription);
    subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    for await (const event of this.scanAll(BACKWARDS, 0n, 1)) return event.position;
    return 0n;
  }

  async countAfter(position: bigint, cap = DEFAULT_COUNT_CAP): Promise<number> {
    let count = 0;
    if (cap <= 0) return count;
    for await (const _event of this.scanAll(FORWARDS, position, Math.min(cap, PAGE_SIZE))) {
      if (++count >= cap) break;
    }
    return count;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** The stream's last event (for its revision and hash), or undefined when the stream has none. */
  private async lastEvent(stream: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.readStream(stream, { direction: 'backwards', limit: 1 });
    return last;
  }

  /**
   * Reads the events just written back from the stream: the append result carries one position
   * for the whole write, but each event needs its own. Revisions never change once written, so
   * concurrent appends cannot disturb this read.
   */
  private async readBack(
    stream: string,
    sealed: Omit<RecordedEvent, 'position'>[],
    written: KurrentAppendResult,
  ): Promise<RecordedEvent[]> {
    const stored = await this.readStream(stream, { from: sealed[0].revision, limit: sealed.length });
    const byId = new Map(stored.map((event) => [event.id, event]));
    return sealed.map((event) => {
      const read = byId.get(event.id);
      if (read) return read;
      // Gone already (a stream $maxCount, a scavenge): the write's own position is the best we know.
      if (!written.position) throw new Error(`Event ${event.id} was appended to ${stream} but cannot be read back`);
      return { ...event, position: encodePosition(written.position) };
    });
  }

  /**
   * Our events of $all strictly beyond `cursor` (0n: from the open end) in `direction`, paging
   * as the consumer pulls. Pages ask for one event more than wanted because the server includes
   * the event at its start position, which the cursor then drops.
   */
  private async *scanAll(direction: Direction, cursor: bigint, pageSize: number): AsyncGenerator<RecordedEvent> {
    for (;;) {
      const from = direction === FORWARDS ? readPositionAfter(cursor) : readPositionBefore(cursor);
      const wanted = pageSize + (cursor === 0n ? 0 : 1);
      const page = await this.readAllPage(direction, from, wanted);
      for (const resolved of page) {
        const record = resolved.event;
        if (!record) continue;
        const position = encodePosition(record.position);
        if (!isPastCursor(position, cursor, direction)) continue;
        cursor = position;
        if (!isSystemRecord(record)) yield toRecordedEvent(record);
      }
      if (page.length < wanted) return;
    }
  }

  /** One page of $all without system events, read to the end before anything is handed on. */
  private async readAllPage(direction: Direction, fromPosition: ReadPosition, maxCount: number) {
    const page: AllStreamResolvedEvent[] = [];
    for await (const resolved of this.client.readAll({
      direction,
      fromPosition,
      maxCount,
      filter: excludeSystemEvents(),
    })) {
      page.push(resolved);
    }
    return page;
  }

  /**
   * Catch-up then live over the client's $all subscription. The subscription is a paused
   * readable stream we pull from: while a batch is in the handler nothing is read, the stream's
   * buffer fills to its high-water mark and gRPC flow control holds the server back.
   */
  private liveSubscription(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const stopping = new AbortController();
    const wake = new AppendSignal();
    let markCaughtUp!: () => void;
    const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

    const run = async () => {
      let delivered = options.after ?? 0n;
      // Fallback for servers that do not send caught-up signals (before 23.10).
      const startHead = await this.headPosition();
      if (delivered >= startHead) markCaughtUp();
      if (stopping.signal.aborted) return;

      const source = this.client.subscribeToAll(
        { fromPosition: readPositionAfter(delivered), filter: excludeSystemEvents() },
        { highWaterMark: batchSize },
      );
      let cursor = delivered;
      let consumed = 0;
      let caughtUpAt: number | undefined;
      let failure: { error: unknown } | undefined;
      let ended = false;
      source.on('readable', () => wake.notify());
      source.on('error', (error) => {
        failure ??= { error };
        wake.notify();
      });
      source.on('end', () => {
        ended = true;
        wake.notify();
      });
      source.on('caughtUp', () => {
        // The signal is emitted in order, after every earlier event has entered the buffer.
        caughtUpAt ??= consumed + source.readableLength;
        wake.notify();
      });

      try {
        while (!stopping.signal.aborted) {
          const seen = wake.current;
          const batch: RecordedEvent[] = [];
          let item: AllStreamResolvedEvent | null = null;
          while (batch.length < batchSize && (item = source.read() as AllStreamResolvedEvent | null) !== null) {
            consumed++;
            const record = item.event;
            if (!record || isSystemRecord(record)) continue;
            const position = encodePosition(record.position);
            // The server starts at `after` itself, and a resubscribed stream may repeat: drop both.
            if (!isPastCursor(position, cursor)) continue;
            cursor = position;
            batch.push(toRecordedEvent(record));
          }
          if (batch.length > 0) {
            await handler(batch);
            delivered = batch[batch.length - 1].position;
          }
          if (delivered >= startHead || (caughtUpAt !== undefined && consumed >= caughtUpAt)) markCaughtUp();
          if (item !== null || batch.length > 0) continue;
          if (failure) throw failure.error;
          if (ended) throw new Error(`The $all subscription to ${this.host} ended unexpectedly`);
          await wake.wait(seen, 60_000, stopping.signal);
        }
      } finally {
        // Our 'error' listener stays attached: an unheard error while the cancel settles would crash the process.
        await source.unsubscribe().catch(() => undefined);
      }
    };

    const done = run();
    // A failed subscription must not leave awaiters of caughtUp hanging forever.
    done.catch(() => markCaughtUp());
    return {
      caughtUp,
      done,
      stop: async () => {
        stopping.abort();
        await done.catch(() => undefined);
      },
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** The client's errors carry their kind as message (`UnavailableError`) and keep `name` at `Error`. */
const describeError = (error: unknown): string =>
  error instanceof Error ? error.message.trim() || error.name : String(error);
