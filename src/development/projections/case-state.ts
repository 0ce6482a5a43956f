import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { RecordedEvent } from '../../core/messages.js';
import { developmentCase, type DevelopmentCase } from '../development-case.js';
import type { DevelopmentEvent } from '../development.events.js';

/**
 * Each development projection keeps its own copy of the folded case (a projection touches only its own
 * tables, so it can be rebuilt alone), and derives its rows from the state before and after an event.
 */
export const caseStates = (table: string) => ({
  table,
  init: (db: ReadModelDb) =>
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (person_id TEXT PRIMARY KEY, state TEXT NOT NULL)`),
  fold: (db: ReadModelDb, recorded: RecordedEvent): { before: DevelopmentCase; after: DevelopmentCase } => {
    const event = recorded as unknown as DevelopmentEvent;
    const row = statement(db, `SELECT state FROM ${table} WHERE person_id = ?`).get(event.data.personId) as
      { state: string } | undefined;
    const before: DevelopmentCase = row ? JSON.parse(row.state) : developmentCase.initialState();
    const after = developmentCase.evolve(before, event);
    statement(db, `INSERT OR REPLACE INTO ${table} VALUES (?, ?)`).run(event.data.personId, JSON.stringify(after));
    return { before, after };
  },
  /** The folded case of one person, as its deciders see it (none when the table does not know them). */
  get: (db: ReadModelDb, personId: string): DevelopmentCase => {
    const row = statement(db, `SELECT state FROM ${table} WHERE person_id = ?`).get(personId) as
      { state: string } | undefined;
    return row ? JSON.parse(row.state) : developmentCase.initialState();
  },
});
