import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { UnitRegistered, UnitRenamed } from '../../organizations/organizations.events.js';

/** The units assessed, with their names and types (rules filter by unit type), from the roster's events. */
export const assessedUnitsProjection: Projection = {
  name: 'assessment_units',
  version: 1,
  handles: ['UnitRegistered', 'UnitRenamed'],
  tables: ['assessment_units'],
  init: (db) =>
    db.exec(
      'CREATE TABLE IF NOT EXISTS assessment_units (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL)',
    ),
  evolve: (db, recorded: RecordedEvent) => {
    const event = recorded as unknown as (UnitRegistered | UnitRenamed) & RecordedEvent;
    if (event.type === 'UnitRegistered')
      statement(db, 'INSERT OR REPLACE INTO assessment_units VALUES (?, ?, ?)').run(
        event.data.unitId,
        event.data.name,
        event.data.type,
      );
    else statement(db, 'UPDATE assessment_units SET name = ? WHERE id = ?').run(event.data.name, event.data.unitId);
  },
};

export interface AssessedUnit {
  id: string;
  name: string;
  type: string;
}

export const assessedUnit = (db: ReadModelDb, id: string) =>
  statement(db, 'SELECT id, name, type FROM assessment_units WHERE id = ?').get(id) as AssessedUnit | undefined;

/** The units, all of them or those in `unitIds` (a scoped reader's), by name. */
export const assessedUnits = (db: ReadModelDb, unitIds: readonly string[] | null) =>
  statement(
    db,
    `SELECT id, name, type FROM assessment_units
    WHERE ? IS NULL OR id IN (SELECT value FROM json_each(?)) ORDER BY name`,
  ).all(unitIds && 1, JSON.stringify(unitIds ?? [])) as AssessedUnit[];
