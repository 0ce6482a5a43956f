import { describe, expect, test } from '@jest/globals';
import { handleCommand, type StreamModel } from './command-handling.js';
import { MemoryEventStore } from './event-store/memory-event-store.js';
import type { Event } from './messages.js';
import { testMetadata } from './testing/decider-spec.js';

type Counted = Event<'Counted', { by: number }>;
const counter: StreamModel<number, Counted> = { initialState: () => 0, evolve: (n, e) => n + e.data.by };
const count = (by: number) => (): Counted => ({ type: 'Counted', data: { by } });

describe('handleCommand and the Idempotency-Key of a request whose answer was lost', () => {
  const keyed = { ...testMetadata(), commandId: 'key-1', idempotent: true };

  test('a keyed command the stream already holds answers its events again and appends nothing', async () => {
    const store = new MemoryEventStore();
    const first = await handleCommand(store, 'counter-1', counter, count(2), keyed);
    await handleCommand(store, 'counter-1', counter, count(5), { ...testMetadata(), commandId: 'other' });
    // The retry, even with the revision its client saw before the crash, decides nothing again.
    const retry = await handleCommand(store, 'counter-1', counter, count(2), keyed, { expectedRevision: -1 });
    expect(retry).toMatchObject({ nextExpectedRevision: 0, position: first.position, state: 2 });
    expect(retry.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  test('only the same actor’s command counts, and only when it came with a key', async () => {
    const store = new MemoryEventStore();
    await handleCommand(store, 'counter-1', counter, count(2), keyed);
    await handleCommand(store, 'counter-1', counter, count(2), { ...keyed, actorId: 'someone-else' });
    await handleCommand(store, 'counter-1', counter, count(2), { ...keyed, idempotent: undefined });
    expect(await store.readStream('counter-1')).toHaveLength(3);
  });
});
