import { handleCommand, type HandledCommand, type StreamModel } from '../command-handling.js';
import type { EventStore } from '../event-store/event-store.js';
import { systemMetadata } from '../http/request-context.js';
import type { CommandMetadata, Event } from '../messages.js';
import type { Clock } from '../time/clock.js';
import { startOfShanghaiDay, type LocalDate } from '../time/local-date.js';
import type { DemoCounty } from './county.js';
import type { seededRandom } from './random.js';

/** A command's metadata decided "on" a business date: its `now` is the decider's now and the event's occurredAt. */
export type DemoMetadata = CommandMetadata;

/**
 * What a feature's part of the demo county gets: the store and clock, the one seeded random source every
 * part draws from in turn (the order of src/features.ts, so the same seed gives the same county), what
 * earlier parts made, and a way to send a decision through the feature's own decider on a business date.
 */
export interface DemoContext {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly seed: number;
  readonly random: ReturnType<typeof seededRandom>;
  /** The clock's day in Asia/Shanghai: cases are dated back from it. */
  readonly today: LocalDate;
  /** The argon2 hash of the demo accounts' password. */
  readonly passwordHash: string;
  /** What earlier parts made (units, organisations, the roster…), for later parts to build on. */
  readonly county: DemoCounty;
  /** A stable id for the demo's `kind` numbered or named `key`, the same for the same seed. */
  id(kind: string, key: string | number): string;
  /** Metadata for a decision taken on `date` (09:00 in Asia/Shanghai). */
  on(date: LocalDate): DemoMetadata;
  /** Reads the stream, decides on `date` with the feature's decider, and appends: as the API would. */
  run<S, E extends Event>(
    stream: string,
    model: StreamModel<S, E>,
    date: LocalDate,
    decide: (state: S, metadata: DemoMetadata) => E | E[],
  ): Promise<HandledCommand<S>>;
  /** Adds to the summary the seed reports (`units: 84`, `instructors: 108`…). */
  count(what: string, n: number): void;
}

/** A feature's part of the demo county (`demo` in its descriptor), in its own folder: `<feature>.demo.ts`. */
export interface DemoPart {
  seed(context: DemoContext): Promise<void>;
  /** Whether this part of the county of the seed `id` belongs to is in the store already (seed-demo refuses twice). */
  isLoaded?(store: EventStore, id: DemoContext['id']): Promise<boolean>;
}

/** `run` for a context: the decision is taken on the business date, through the one write path. */
export const demoRunner =
  (store: EventStore, on: (date: LocalDate) => DemoMetadata): DemoContext['run'] =>
  (stream, model, date, decide) => {
    const metadata = on(date);
    return handleCommand(store, stream, model, (state) => decide(state, metadata), metadata);
  };

/** Metadata of a system decision on `date`, at 09:00 Asia/Shanghai (01:00 UTC). */
export const demoMetadataOn =
  (clock: Clock) =>
  (date: LocalDate): DemoMetadata => ({
    ...systemMetadata(clock),
    now: new Date(startOfShanghaiDay(date).getTime() + 9 * 3_600_000).toISOString(),
  });
