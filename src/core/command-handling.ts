import { Command as BusCommand } from '@nestjs/cqrs';
import type { Command, CommandMetadata, Event, NewEvent, RecordedEvent } from './messages.js';
import { ConcurrencyError } from './errors.js';
import { WrongExpectedRevisionError, type AppendResult, type EventStore } from './event-store/event-store.js';

/** How a stream's events fold into the state a decider needs. */
export interface StreamModel<State, E extends Event> {
  initialState: () => State;
  evolve: (state: State, event: E) => State;
}

export interface HandledCommand<State> extends AppendResult {
  stream: string;
  /** The state after the new events, for the response. */
  state: State;
}

export interface HandleOptions {
  /** The revision the client saw (e.g. an edit form's record): a mismatch is a 409, not a retry. */
  expectedRevision?: number;
  /** How often to re-read and re-decide after losing a race with another writer. */
  retries?: number;
}

/** Folds stored events into state. Read paths other than audits use projections instead. */
export const foldStream = <State, E extends Event>(model: StreamModel<State, E>, events: RecordedEvent[]): State =>
  events.reduce((state, event) => model.evolve(state, event as unknown as E), model.initialState());

/**
 * The one write path: read the stream, fold it, decide (pure: returns events or throws a
 * DomainError), append at the revision that was read. When another writer got there first the
 * whole cycle runs again on fresh state, at most `retries` times, and then answers 409: the
 * decision is always made on the state it is appended after, so no update is ever lost.
 */
export const handleCommand = async <State, E extends Event>(
  store: EventStore,
  stream: string,
  model: StreamModel<State, E>,
  decide: (state: State) => E | E[],
  metadata: CommandMetadata,
  { expectedRevision, retries = 3 }: HandleOptions = {},
): Promise<HandledCommand<State>> => {
  for (let attempt = 0; ; attempt++) {
    const history = await store.readStream(stream);
    // The retry of a request whose answer was lost (a crash after the append): answer what it committed.
    const committed = metadata.idempotent ? committedBy(history, metadata) : [];
    if (committed.length > 0) return replayCommitted(stream, model, history, committed);
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1].revision;
    // The client edited what it saw at expectedRevision: a newer revision means its view is stale.
    if (expectedRevision !== undefined && expectedRevision !== (expected === 'no_stream' ? -1 : expected)) {
      throw new ConcurrencyError(stream, String(expectedRevision), String(expected));
    }
    const state = foldStream(model, history);
    const outcome = decide(state);
    const decided: E[] = Array.isArray(outcome) ? outcome : [outcome];
    try {
      const result = await store.append(
        stream,
        decided.map((event) => envelope(event, metadata)),
        expected,
      );
      return { ...result, stream, state: decided.reduce((next, event) => model.evolve(next, event), state) };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= retries) throw new ConcurrencyError(stream, String(error.expected), String(error.actual));
    }
  }
};

/** The events of `history` this command (its id, its actor) already appended. */
const committedBy = (history: RecordedEvent[], metadata: CommandMetadata): RecordedEvent[] =>
  history.filter(
    (event) => event.metadata.commandId === metadata.commandId && event.metadata.actorId === metadata.actorId,
  );

/** The answer the command gave when it appended `committed`: the same receipt, the state just after them. */
const replayCommitted = <State, E extends Event>(
  stream: string,
  model: StreamModel<State, E>,
  history: RecordedEvent[],
  committed: RecordedEvent[],
): HandledCommand<State> => {
  const last = committed[committed.length - 1];
  return {
    stream,
    nextExpectedRevision: last.revision,
    position: last.position,
    events: committed,
    state: foldStream(model, history.slice(0, history.indexOf(last) + 1)),
  };
};

/** Wraps a decided event in the envelope: the command's actor and chain, business time, units. */
export const envelope = (event: Event, metadata: CommandMetadata): NewEvent => ({
  type: event.type,
  data: event.data,
  metadata: {
    actorId: metadata.actorId,
    actorRole: metadata.actorRole,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    occurredAt: event.metadata?.occurredAt ?? metadata.now,
    unitIds: event.metadata?.unitIds ?? [],
    schemaVersion: event.metadata?.schemaVersion ?? 1,
  },
});

/**
 * The @nestjs/cqrs message carrying a plain command to its handler:
 * `export class LogVisitCommand extends CommandMessage<LogVisit, Assignment> {}`.
 */
export abstract class CommandMessage<C extends Command, State> extends BusCommand<HandledCommand<State>> {
  constructor(
    readonly command: C,
    readonly options: HandleOptions = {},
  ) {
    super();
  }
}

/** Builds a command with the metadata of the current request or job. */
export const command = <Type extends string, Data>(
  type: Type,
  data: Data,
  metadata: CommandMetadata,
): Command<Type, Data> => ({
  type,
  data,
  metadata,
});
