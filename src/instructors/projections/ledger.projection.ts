import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { daysInMonth } from '../../core/time/local-date.js';
import type { AffiliatedOrgEvent, InstructorEvent } from '../instructors.events.js';

/** The months the calendar table spans: every client date (1900–2100) falls in one. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/**
 * Dispatches, visits and affiliated organisations' monthly confirmations, plus a plain calendar of months
 * (`instructors_months`) so that "every month a dispatch covers" is one join: C1's and C6's obligations
 * and the missed-months calendar are read from these.
 */
export const instructorsLedgerProjection: Projection = {
  name: 'instructors_ledger',
  version: 1,
  handles: ['InstructorDispatched', 'InstructorDispatchEnded', 'InstructorVisitLogged', 'AffiliatedOrgLifeConfirmed'],
  tables: ['instructors_dispatches', 'instructors_visits', 'instructors_confirmations', 'instructors_months'],
  init: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS instructors_dispatches (
        id TEXT PRIMARY KEY, instructor_id TEXT NOT NULL, unit_id TEXT NOT NULL, start_on TEXT NOT NULL,
        end_on TEXT, ended INTEGER NOT NULL DEFAULT 0, note TEXT, reason TEXT, event_id TEXT NOT NULL,
        revision INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS instructors_visits (
        id TEXT PRIMARY KEY, instructor_id TEXT NOT NULL, unit_id TEXT NOT NULL, dispatch_id TEXT NOT NULL,
        visited_on TEXT NOT NULL, month TEXT NOT NULL, duties TEXT NOT NULL, note TEXT, event_id TEXT NOT NULL,
        actor_id TEXT NOT NULL, recorded_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS instructors_confirmations (
        org_id TEXT NOT NULL, month TEXT NOT NULL, unit_ids TEXT NOT NULL, confirmed_on TEXT NOT NULL, note TEXT,
        event_id TEXT NOT NULL, PRIMARY KEY (org_id, month));
      CREATE TABLE IF NOT EXISTS instructors_months (
        month TEXT PRIMARY KEY, first_day TEXT NOT NULL, last_day TEXT NOT NULL);`);
    if (!statement(db, 'SELECT 1 FROM instructors_months LIMIT 1').get()) {
      const insert = db.prepare('INSERT INTO instructors_months VALUES (?, ?, ?)');
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
        for (let month = 1; month <= 12; month++) {
          const key = `${year}-${String(month).padStart(2, '0')}`;
          insert.run(key, `${key}-01`, `${key}-${String(daysInMonth(year, month)).padStart(2, '0')}`);
        }
    }
  },
  indexes: [
    'CREATE INDEX IF NOT EXISTS instructors_dispatches_instructor ON instructors_dispatches (instructor_id, start_on)',
    'CREATE INDEX IF NOT EXISTS instructors_dispatches_unit ON instructors_dispatches (unit_id)',
    'CREATE INDEX IF NOT EXISTS instructors_visits_instructor ON instructors_visits (instructor_id, unit_id, month)',
    'CREATE INDEX IF NOT EXISTS instructors_visits_unit ON instructors_visits (unit_id, visited_on)',
    // The calendar's window: every visit of a span of months, read from the index alone.
    `CREATE INDEX IF NOT EXISTS instructors_visits_month
       ON instructors_visits (month, instructor_id, unit_id, visited_on, event_id)`,
  ],
  evolve: (db, recorded) => {
    const event = recorded as unknown as InstructorEvent | AffiliatedOrgEvent;
    const at = recorded.metadata.recordedAt;
    switch (event.type) {
      case 'InstructorDispatched': {
        const { dispatchId, instructorId, unitId, startOn, endOn, note } = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO instructors_dispatches
           (id, instructor_id, unit_id, start_on, end_on, ended, note, reason, event_id, revision, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 0, ?, NULL, ?, ?, ?, ?)`,
        ).run(dispatchId, instructorId, unitId, startOn, endOn, note, recorded.id, recorded.revision, at, at);
        return;
      }
      case 'InstructorDispatchEnded':
        statement(
          db,
          'UPDATE instructors_dispatches SET end_on = ?, ended = 1, reason = ?, revision = ?, updated_at = ? WHERE id = ?',
        ).run(event.data.endOn, event.data.reason, recorded.revision, at, event.data.dispatchId);
        return;
      case 'InstructorVisitLogged': {
        const { visitId, instructorId, unitId, dispatchId, visitedOn, duties, note } = event.data;
        statement(db, 'INSERT OR REPLACE INTO instructors_visits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          visitId,
          instructorId,
          unitId,
          dispatchId,
          visitedOn,
          visitedOn.slice(0, 7),
          JSON.stringify(duties),
          note,
          recorded.id,
          recorded.metadata.actorId,
          at,
        );
        return;
      }
      case 'AffiliatedOrgLifeConfirmed': {
        const { orgId, month, unitIds, confirmedOn, note } = event.data;
        statement(db, 'INSERT OR REPLACE INTO instructors_confirmations VALUES (?, ?, ?, ?, ?, ?)').run(
          orgId,
          month,
          JSON.stringify(unitIds),
          confirmedOn,
          note,
          recorded.id,
        );
        return;
      }
    }
  },
};

export interface DispatchRow {
  id: string;
  instructorId: string;
  instructorName: string | null;
  unitId: string;
  unitName: string | null;
  startOn: string;
  endOn: string | null;
  ended: boolean;
  note: string | null;
  reason: string | null;
  visits: number;
  lastVisitOn: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** A dispatch's instructor and unit, to address its stream and check the caller's reach; null when unknown. */
export const dispatchById = (db: ReadModelDb, id: string): { instructorId: string; unitId: string } | null =>
  (statement(
    db,
    'SELECT instructor_id AS instructorId, unit_id AS unitId FROM instructors_dispatches WHERE id = ?',
  ).get(id) as { instructorId: string; unitId: string } | undefined) ?? null;
