import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { UnitRegistered, UnitRenamed } from '../../organizations/organizations.events.js';
import type { TypicalCaseEvent } from '../organizational-life.events.js';

/** Typical cases as submitted and selected, with the submitting unit's name (from the roster's own events). */
export const orglifeTypicalCasesProjection: Projection = {
  name: 'orglife_typical_cases',
  version: 1,
  handles: ['TypicalCaseSubmitted', 'TypicalCaseSelected', 'UnitRegistered', 'UnitRenamed'],
  tables: ['orglife_typical_cases', 'orglife_unit_names'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS orglife_typical_cases (
      id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, org_id TEXT NOT NULL, title TEXT NOT NULL, summary TEXT NOT NULL,
      submitted_on TEXT NOT NULL, year INTEGER NOT NULL, status TEXT NOT NULL, conference_year INTEGER,
      selected_on TEXT, note TEXT, submitted_event_id TEXT NOT NULL, selected_event_id TEXT, revision INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS orglife_unit_names (unit_id TEXT PRIMARY KEY, name TEXT NOT NULL)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as TypicalCaseEvent | UnitRegistered | UnitRenamed;
    switch (event.type) {
      case 'UnitRegistered':
      case 'UnitRenamed':
        statement(db, 'INSERT OR REPLACE INTO orglife_unit_names VALUES (?, ?)').run(
          event.data.unitId,
          event.data.name,
        );
        return;
      case 'TypicalCaseSubmitted': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO orglife_typical_cases VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', NULL, NULL, NULL, ?, NULL, ?)`,
        ).run(
          d.caseId,
          d.unitId,
          d.orgId,
          d.title,
          d.summary,
          d.submittedOn,
          Number(d.submittedOn.slice(0, 4)),
          recorded.id,
          recorded.revision,
        );
        return;
      }
      case 'TypicalCaseSelected':
        statement(
          db,
          `UPDATE orglife_typical_cases SET status = 'selected', conference_year = ?, selected_on = ?, note = ?,
            selected_event_id = ?, revision = ? WHERE id = ?`,
        ).run(
          event.data.conferenceYear,
          event.data.on,
          event.data.note,
          recorded.id,
          recorded.revision,
          event.data.caseId,
        );
        return;
    }
  },
};

export interface TypicalCaseRow {
  id: string;
  unitId: string;
  unitName: string | null;
  orgId: string;
  orgName: string | null;
  title: string;
  summary: string;
  submittedOn: string;
  year: number;
  status: 'submitted' | 'selected';
  conferenceYear: number | null;
  selectedOn: string | null;
  note: string | null;
  submittedEventId: string;
  selectedEventId: string | null;
  revision: number;
}

const COLUMNS = `c.id, c.unit_id AS unitId, u.name AS unitName, c.org_id AS orgId, b.name AS orgName, c.title, c.summary,
  c.submitted_on AS submittedOn, c.year, c.status, c.conference_year AS conferenceYear, c.selected_on AS selectedOn,
  c.note, c.submitted_event_id AS submittedEventId, c.selected_event_id AS selectedEventId, c.revision`;
const FROM = `orglife_typical_cases c LEFT JOIN orglife_unit_names u ON u.unit_id = c.unit_id
  LEFT JOIN orglife_branches b ON b.org_id = c.org_id`;

export const typicalCaseList: ListSpec = {
  id: 'c.id',
  sortable: {
    submittedOn: 'c.submitted_on',
    title: 'c.title',
    status: 'c.status',
    conferenceYear: 'c.conference_year',
  },
  defaultSort: ['submittedOn', 'DESC'],
  filters: {
    id: filters.oneOf('c.id'),
    status: filters.oneOf('c.status'),
    year: filters.oneOf('c.year'),
    conferenceYear: filters.oneOf('c.conference_year'),
    orgId: filters.oneOf('c.org_id'),
    unitId: filters.oneOf('c.unit_id'),
    q: filters.search('c.title', 'c.summary', 'u.name'),
  },
};

export const listTypicalCases = (db: ReadModelDb, query: ListQuery) =>
  listPage<TypicalCaseRow>(db, { columns: COLUMNS, from: FROM, tieBreak: 'c.id' }, query);

export const getTypicalCase = (db: ReadModelDb, id: string): TypicalCaseRow | null =>
  (statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ?`).get(id) as TypicalCaseRow | undefined) ?? null;
