import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { nameKey } from '../../core/http/validation.js';
import { sortKey } from '../../core/text/sort-key.js';
import type { UnitEvent } from '../organizations.events.js';

export interface UnitRow {
  id: string;
  name: string;
  type: string;
  district: string | null;
  centralSchool: string | null;
  /** Revision of the unit's stream: edit forms send it back as expectedRevision. */
  revision: number;
  registeredAt: string;
  updatedAt: string;
  hostOrgId: string | null;
  fullMembers: number;
  ownOrgId: string | null;
  needsOwnOrganization: boolean;
  needsCommittee: boolean;
}

export const unitsProjection: Projection = {
  name: 'units',
  // 3: name_key, so that lists sort by pinyin. 4: match_key (nameKey), so "is this name taken" is an index look-up.
  // 5: the sort indexes end with the list's tie-break (id), so a page is read off the index without a sort.
  version: 5,
  handles: ['UnitRegistered', 'UnitRenamed', 'UnitAffiliated', 'UnitAffiliationEnded'],
  tables: ['units'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS units (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, district TEXT, central_school TEXT,
      revision INTEGER NOT NULL, registered_at TEXT NOT NULL, updated_at TEXT NOT NULL, host_org_id TEXT,
      name_key TEXT NOT NULL, match_key TEXT NOT NULL)`),
  // evolve finds rows by primary key only, so a rebuild creates these after the replay: units_match serves the
  // registration's name check (which cannot trust a table still being refilled anyway: the name claims in the
  // event store are the guard), the others the list's sort and filter.
  indexes: [
    'CREATE INDEX IF NOT EXISTS units_match ON units (match_key)',
    'CREATE INDEX IF NOT EXISTS units_name ON units (name_key, id)',
    'CREATE INDEX IF NOT EXISTS units_type ON units (type, name_key, id)',
  ],
  evolve: (db, recorded) => {
    const event = recorded as unknown as UnitEvent & typeof recorded;
    switch (event.type) {
      case 'UnitRegistered': {
        const { unitId, name, type, district, centralSchool } = event.data;
        statement(db, 'INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)').run(
          unitId,
          name,
          type,
          district,
          centralSchool,
          recorded.revision,
          recorded.metadata.occurredAt,
          recorded.metadata.recordedAt,
          sortKey(name),
          nameKey(name),
        );
        return;
      }
      case 'UnitRenamed':
        statement(
          db,
          'UPDATE units SET name = ?, name_key = ?, match_key = ?, revision = ?, updated_at = ? WHERE id = ?',
        ).run(
          event.data.name,
          sortKey(event.data.name),
          nameKey(event.data.name),
          recorded.revision,
          recorded.metadata.recordedAt,
          event.data.unitId,
        );
        return;
      case 'UnitAffiliated':
      case 'UnitAffiliationEnded':
        statement(db, 'UPDATE units SET host_org_id = ?, revision = ?, updated_at = ? WHERE id = ?').run(
          event.type === 'UnitAffiliated' ? event.data.hostOrgId : null,
          recorded.revision,
          recorded.metadata.recordedAt,
          event.data.unitId,
        );
        return;
    }
  },
};

/**
 * The unit with what the roster says about it: full members, its own organisation, its host, and the
 * B18 flags (3 full members and no organisation of its own; 7 and no committee).
 */
// Figures of a unit as correlated subqueries rather than a derived table over every unit: a page then computes
// them for its own rows only, and the count of an unfiltered list none at all (they are all indexed look-ups).
export const FULL_MEMBERS = `(SELECT count(*) FROM members m WHERE m.unit_id = units.id AND m.status = 'active' AND m.category = 'full')`;
export const OWN_ORG = (column: 'id' | 'term_end') =>
  `(SELECT o.${column} FROM party_org_units pu JOIN party_orgs o ON o.id = pu.org_id
     WHERE pu.unit_id = units.id AND o.kind IN ('party_branch', 'general_branch', 'basic_party_committee') LIMIT 1)`;
/** B18 (domain.md §9.1): 3 full members and no organisation of its own; 7 and no committee. */
const OWN_ORGANIZATION_FROM = 3;
const COMMITTEE_FROM = 7;
export const NEEDS_OWN_ORGANIZATION = `(${FULL_MEMBERS} >= ${OWN_ORGANIZATION_FROM} AND ${OWN_ORG('id')} IS NULL)`;
export const NEEDS_COMMITTEE = `(${FULL_MEMBERS} >= ${COMMITTEE_FROM} AND (${OWN_ORG('id')} IS NULL OR ${OWN_ORG('term_end')} IS NULL))`;

const COLUMNS = `units.id, units.name, units.type, units.district, units.central_school AS centralSchool, units.revision,
  units.registered_at AS registeredAt, units.updated_at AS updatedAt, units.host_org_id AS hostOrgId,
  ${FULL_MEMBERS} AS fullMembers, ${OWN_ORG('id')} AS ownOrgId, ${OWN_ORG('term_end')} AS ownOrgTermEnd`;

/** The units table: a unit's roster facts are the correlated subqueries above, so nothing is joined. */
export const UNIT_FACTS = 'units';

/** A yes/no filter: `true` keeps the rows meeting the condition, `false` those that do not. */
const flag = (condition: string) => (value: unknown) => ({
  sql: value === true || value === 'true' ? `(${condition})` : `NOT (${condition})`,
  params: [],
});

export const unitList: ListSpec = {
  id: 'units.id',
  sortable: {
    name: 'units.name_key',
    type: 'units.type',
    district: 'units.district',
    fullMembers: FULL_MEMBERS,
    registeredAt: 'units.registered_at',
    updatedAt: 'units.updated_at',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    q: filters.search('units.name', 'units.district', 'units.central_school'),
    id: filters.oneOf('units.id'),
    type: filters.oneOf('units.type'),
    district: filters.equals('units.district'),
    hostOrgId: filters.equals('units.host_org_id'),
    /** The units an organisation covers (its own, or affiliated to it): where its members may work. */
    coveredBy: (value) => ({
      sql: '(units.id IN (SELECT unit_id FROM party_org_units WHERE org_id = ?) OR units.host_org_id = ?)',
      params: [String(value), String(value)],
    }),
    needsOwnOrganization: flag(NEEDS_OWN_ORGANIZATION),
    needsCommittee: flag(NEEDS_COMMITTEE),
  },
};

type RawRow = Omit<UnitRow, 'needsOwnOrganization' | 'needsCommittee'> & { ownOrgTermEnd: string | null };

/**
 * The B18 flags from the row's own figures, as NEEDS_OWN_ORGANIZATION and NEEDS_COMMITTEE (which the filters
 * and obligations use) say them in SQL: selecting those too would run the same subqueries again for every row.
 * The fields are named one by one to leave `ownOrgTermEnd` out: a rest pattern (`{ ownOrgTermEnd, ...row }`)
 * cost more per row than the subqueries it saved (docs/benchmarks.md).
 */
const toRow = (row: RawRow): UnitRow => ({
  id: row.id,
  name: row.name,
  type: row.type,
  district: row.district,
  centralSchool: row.centralSchool,
  revision: row.revision,
  registeredAt: row.registeredAt,
  updatedAt: row.updatedAt,
  hostOrgId: row.hostOrgId,
  fullMembers: row.fullMembers,
  ownOrgId: row.ownOrgId,
  needsOwnOrganization: row.fullMembers >= OWN_ORGANIZATION_FROM && row.ownOrgId === null,
  needsCommittee: row.fullMembers >= COMMITTEE_FROM && (row.ownOrgId === null || row.ownOrgTermEnd === null),
});

export const listUnits = (db: ReadModelDb, query: ListQuery): { rows: UnitRow[]; total: number } =>
  listPage(db, { columns: COLUMNS, from: UNIT_FACTS, tieBreak: 'units.id' }, query, toRow);

export const getUnit = (db: ReadModelDb, id: string): UnitRow | undefined => {
  const row = statement(db, `SELECT ${COLUMNS} FROM ${UNIT_FACTS} WHERE units.id = ?`).get(id) as RawRow | undefined;
  return row && toRow(row);
};
