import { StartupError } from '../errors.js';
import { startupErrorOpening } from '../storage.js';
import type { Clock } from '../time/clock.js';
import type { EventStore } from './event-store.js';
import type { LogKey } from './hash-chain.js';
import { MemoryEventStore } from './memory-event-store.js';
import { SqliteEventStore, type SqliteSynchronous } from './sqlite-event-store.js';

export interface EventStoreSettings {
  kind: 'sqlite' | 'eventstoredb' | 'memory';
  sqliteFile: string;
  synchronous: SqliteSynchronous;
  connectionString?: string;
}

/** Opens the configured adapter, turning the usual failures into messages a user can act on. */
export const createEventStore = async (
  settings: EventStoreSettings,
  clock: Clock,
  /** The global log chain's key (the audit key's), for the SQLite adapter, which stores the chain. */
  logKey?: LogKey,
): Promise<EventStore> => {
  switch (settings.kind) {
    case 'memory':
      return new MemoryEventStore(clock);
    case 'sqlite':
      return openSqlite(settings, clock, logKey);
    case 'eventstoredb': {
      // Loaded on demand: the gRPC client is only needed when this adapter is chosen.
      const { EventStoreDbEventStore } = await import('./eventstoredb-event-store.js');
      const store = new EventStoreDbEventStore({ connectionString: settings.connectionString ?? '', clock });
      try {
        await store.ping();
      } catch (error) {
        await store.close().catch(() => undefined);
        throw new StartupError(
          `EventStoreDB does not answer: ${(error as Error).message}\nEventStoreDB 无法连接，请检查 EVENTSTORE_CONNECTION_STRING`,
        );
      }
      return store;
    }
  }
};

const openSqlite = (settings: EventStoreSettings, clock: Clock, logKey?: LogKey): SqliteEventStore => {
  try {
    return new SqliteEventStore({ file: settings.sqliteFile, synchronous: settings.synchronous, clock, logKey });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StartupError(
        `The event store file ${settings.sqliteFile} is not a readable SQLite database (${code}).\n` +
          `事件库文件已损坏或不是 SQLite 数据库。Restore it from a backup, or move it away to start with an empty store.`,
      );
    }
    if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
      throw new StartupError(
        `Cannot open ${settings.sqliteFile} for writing (${code}). 无法写入事件库文件，请检查 DATA_DIR 权限。`,
      );
    }
    // A full disk, or a -shm/-wal file SQLite cannot grow: named, never a stack trace.
    throw startupErrorOpening(settings.sqliteFile, error) ?? error;
  }
};
