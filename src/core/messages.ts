/**
 * The messages every feature speaks: events, commands, their envelope, and stream names.
 * Plain typed data (no classes), so deciders stay pure and events serialise as they are.
 */

/** Who did what, when, and why: stamped on every stored event. */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  /** The command that produced the event (the Idempotency-Key's command when one was sent). */
  commandId: string;
  /** The first command of a chain of work: a policy's follow-up commands keep it. */
  correlationId: string;
  /** The message that directly caused this one (a command id, or an event id for policies). */
  causationId: string;
  /** Business time: when it happened in the world (ISO 8601). Scores and deadlines use this. */
  occurredAt: string;
  /** Record time: when the store accepted it (ISO 8601), set by the store's clock. */
  recordedAt: string;
  /** The units (schools, kindergartens…) the event concerns, for scoping and audits. */
  unitIds: string[];
  /** Version of `data`'s shape; upcasters lift old versions on read. */
  schemaVersion: number;
}

/** An event as a decider returns it: type and data, optionally its own business time and units. */
export interface Event<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata?: Partial<Pick<EventMetadata, 'occurredAt' | 'unitIds' | 'schemaVersion'>>;
}

/** An event on its way into the store: everything but what the store itself assigns. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  /** A UUID; generated when absent. */
  id?: string;
  type: Type;
  data: Data;
  metadata: Omit<EventMetadata, 'recordedAt'>;
}

/** An event as stored and read back. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  stream: string;
  /** 0-based position inside its stream (the first event is revision 0), as in EventStoreDB. */
  revision: number;
  /** Position in the global log: only grows. For SQLite and memory it counts events from 1. */
  position: bigint;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  /** Hash of the previous event of the same stream; null for revision 0. */
  prevHash: string | null;
  /** SHA-256 over the canonical JSON of this event (see hash-chain.ts). */
  hash: string;
}

/** What a command carries besides its data: who sends it and in which chain of work. */
export interface CommandMetadata {
  actorId: string;
  actorRole: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** Record time as the server saw the request; deciders read "now" from here, never from `new Date()`. */
  now: string;
  /**
   * The command id is a client's Idempotency-Key: when the stream already holds events of this command
   * (same command id and actor), they are the answer and nothing is decided again (see handleCommand).
   */
  idempotent?: boolean;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** Stream names are `<category>-<id>`, as EventStoreDB's category projection expects. */
export const streamName = (category: string, id: string): string => {
  if (!/^[a-z][a-zA-Z]*$/.test(category)) throw new Error(`Stream category must be camelCase letters: ${category}`);
  if (!id) throw new Error('Stream id must not be empty');
  return `${category}-${id}`;
};

/** Splits `unit-42` into its category and id (the id may contain further dashes, e.g. UUIDs). */
export const parseStreamName = (stream: string): { category: string; id: string } => {
  const dash = stream.indexOf('-');
  if (dash <= 0) return { category: stream, id: '' };
  return { category: stream.slice(0, dash), id: stream.slice(dash + 1) };
};

/**
 * The type names of a feature's events, listed once as the keys of `types` (in the order written): the
 * compiler refuses the list when a type of the union is missing or one is not in it, e.g.
 * `eventTypes<UserEvent['type']>({ UserRegistered: true, … })`. The admin's labels are checked against
 * these lists (test/admin/messages.spec.ts).
 */
export const eventTypes = <Type extends string>(types: Record<Type, true>): readonly Type[] =>
  Object.keys(types) as Type[];
