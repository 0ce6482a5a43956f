import type { ListQuery, ListSpec } from '../../core/http/list-query.js';
import { filters } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
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
}

export const unitsProjection: Projection = {
  name: 'units',
  version: 1,
  handles: ['UnitRegistered', 'UnitRenamed'],
  tables: ['units'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS units (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, district TEXT, central_school TEXT,
      revision INTEGER NOT NULL, registered_at TEXT NOT NULL, updated_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS units_name ON units (name);
    CREATE INDEX IF NOT EXISTS units_type ON units (type, name)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as UnitEvent & typeof recorded;
    switch (event.type) {
      case 'UnitRegistered': {
        const { unitId, name, type, district, centralSchool } = event.data;
        statement(db, 'INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          unitId,
          name,
          type,
          district,
          centralSchool,
          recorded.revision,
          recorded.metadata.occurredAt,
          recorded.metadata.recordedAt,
        );
        return;
      }
      case 'UnitRenamed':
        statement(db, 'UPDATE units SET name = ?, revision = ?, updated_at = ? WHERE id = ?').run(
          event.data.name,
          recorded.revision,
          recorded.metadata.recordedAt,
          event.data.unitId,
        );
        return;
    }
  },
};

const COLUMNS = `id, name, type, district, central_school AS centralSchool, revision,
  registered_at AS registeredAt, updated_at AS updatedAt`;

export const unitList: ListSpec = {
  sortable: {
    name: 'name',
    type: 'type',
    district: 'district',
    registeredAt: 'registered_at',
    updatedAt: 'updated_at',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    q: filters.search('name', 'district', 'central_school'),
    id: filters.oneOf('id'),
    type: filters.oneOf('type'),
    district: filters.equals('district'),
  },
};

export const listUnits = (db: ReadModelDb, query: ListQuery): { rows: UnitRow[]; total: number } => {
  const total = (db.prepare(`SELECT count(*) AS n FROM units ${query.where}`).get(...query.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM units ${query.where} ORDER BY ${query.orderBy}, id LIMIT ? OFFSET ?`)
    .all(...query.params, query.limit, query.offset) as UnitRow[];
  return { rows, total };
};

export const getUnit = (db: ReadModelDb, id: string): UnitRow | undefined =>
  statement(db, `SELECT ${COLUMNS} FROM units WHERE id = ?`).get(id) as UnitRow | undefined;
