import { statement, type Projection } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import type {
  PartyOrganizationFounded,
  UnitRegistered,
  UnitRenamed,
} from '../../organizations/organizations.events.js';

type Naming = UnitRegistered | UnitRenamed | PartyOrganizationFounded;

/**
 * The development feature's copy of the names of units and Party organisations, with their pinyin sort keys,
 * kept from the organisations feature's naming events: its lists show and sort by the names without reading
 * another feature's tables. One copy serves the feature's read models: they join it in their queries only
 * (no evolve reads it), so each of them, and this one, still rebuilds on its own.
 */
export const developmentNamesProjection: Projection = {
  name: 'development_names',
  version: 1,
  handles: ['UnitRegistered', 'UnitRenamed', 'PartyOrganizationFounded'],
  // With the copies each read model kept before (cases 6, pipeline 2, per year 2): dropped when this is first built.
  tables: ['development_names', 'development_cases_names', 'development_pipeline_names', 'developed_per_year_names'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS development_names (
      kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (kind, id))`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as Naming;
    const [kind, id] =
      event.type === 'PartyOrganizationFounded' ? ['org', event.data.orgId] : ['unit', event.data.unitId];
    statement(db, 'INSERT OR REPLACE INTO development_names VALUES (?, ?, ?, ?)').run(
      kind,
      id,
      event.data.name,
      sortKey(event.data.name),
    );
  },
};

/** A LEFT JOIN of the names of `kind` as `alias` on the id in `column` (`alias.name`, `alias.name_key`). */
export const namesJoin = (alias: string, kind: 'org' | 'unit', column: string): string =>
  `LEFT JOIN development_names ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.id = ${column}`;
