import type { RecordedEvent } from '../../core/messages.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import type {
  PartyOrganizationFounded,
  UnitRegistered,
  UnitRenamed,
} from '../../organizations/organizations.events.js';

/** The organisations feature's events that name a unit or a Party organisation. */
export const ROSTER_NAMING_EVENT_TYPES = ['UnitRegistered', 'UnitRenamed', 'PartyOrganizationFounded'];

type Naming = UnitRegistered | UnitRenamed | PartyOrganizationFounded;

/**
 * A development read model's own copy of the names of units and Party organisations, with their pinyin
 * sort keys, kept from the organisations feature's naming events: its lists show and sort by the names
 * without reading another feature's tables, and it rebuilds on its own. Each projection keeps its own
 * table (as it keeps its own folded cases, case-state.ts).
 */
export const rosterNames = (table: string) => ({
  table,
  init: (db: ReadModelDb) =>
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (kind, id))`),
  /** Keeps the name a naming event gives; false for any other event, which the projection handles itself. */
  keep: (db: ReadModelDb, recorded: RecordedEvent): boolean => {
    if (!ROSTER_NAMING_EVENT_TYPES.includes(recorded.type)) return false;
    const event = recorded as unknown as Naming;
    const [kind, id] =
      event.type === 'PartyOrganizationFounded' ? ['org', event.data.orgId] : ['unit', event.data.unitId];
    statement(db, `INSERT OR REPLACE INTO ${table} VALUES (?, ?, ?, ?)`).run(
      kind,
      id,
      event.data.name,
      sortKey(event.data.name),
    );
    return true;
  },
  /** A LEFT JOIN of the names of `kind` as `alias` on the id in `column` (`alias.name`, `alias.name_key`). */
  join: (alias: string, kind: 'org' | 'unit', column: string) =>
    `LEFT JOIN ${table} ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.id = ${column}`,
});
