import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store.js';
import { eventStoreContract } from './event-store.contract.js';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'party-ledger-es-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL', pollIntervalMs: 50 });
  return {
    store,
    // A second connection to the same file: SQLite's own locking arbitrates the race.
    openSecond: async () => new SqliteEventStore({ file, synchronous: 'NORMAL', pollIntervalMs: 50 }),
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
