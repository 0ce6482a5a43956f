import { MemoryEventStore } from './memory-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

eventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, openSecond: async () => sharedView(store), cleanup: () => store.close() };
});

/** Memory has one log per instance: the second "writer" is the same instance behind another reference. */
const sharedView = (store: MemoryEventStore) => Object.assign(Object.create(store), { close: async () => undefined });
