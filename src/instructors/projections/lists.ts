import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { VisitDuty } from '../instructors.events.js';
import type { DispatchRow } from './ledger.projection.js';

const DISPATCH_FROM = `instructors_dispatches d
  LEFT JOIN instructors_people p ON p.id = d.instructor_id LEFT JOIN instructors_units u ON u.id = d.unit_id`;

const DISPATCH_COLUMNS = `d.id, d.instructor_id AS instructorId, p.display_name AS instructorName, d.unit_id AS unitId,
  u.name AS unitName, d.start_on AS startOn, d.end_on AS endOn, d.ended, d.note, d.reason,
  (SELECT count(*) FROM instructors_visits v WHERE v.dispatch_id = d.id) AS visits,
  (SELECT max(visited_on) FROM instructors_visits v WHERE v.dispatch_id = d.id) AS lastVisitOn,
  d.revision, d.created_at AS createdAt, d.updated_at AS updatedAt`;

export const dispatchList: ListSpec = {
  id: 'd.id',
  sortable: {
    instructorId: 'd.instructor_id',
    unitName: 'u.name',
    startOn: 'd.start_on',
    endOn: 'd.end_on',
    updatedAt: 'd.updated_at',
  },
  defaultSort: ['startOn', 'DESC'],
  filters: {
    q: filters.search('p.display_name', 'u.name', 'd.instructor_id'),
    id: filters.oneOf('d.id'),
    instructorId: filters.oneOf('d.instructor_id'),
    unitId: filters.oneOf('d.unit_id'),
    ended: (value) => ({ sql: 'd.ended = ?', params: [value === true || value === 'true' ? 1 : 0] }),
  },
};

type RawDispatch = Omit<DispatchRow, 'ended'> & { ended: number };
const toDispatch = (raw: RawDispatch): DispatchRow => ({ ...raw, ended: raw.ended === 1 });

export const listDispatches = (db: ReadModelDb, query: ListQuery) =>
  listPage<DispatchRow, RawDispatch>(
    db,
    { columns: DISPATCH_COLUMNS, from: DISPATCH_FROM, tieBreak: 'd.id' },
    query,
    toDispatch,
  );

export const getDispatch = (db: ReadModelDb, id: string): DispatchRow | undefined => {
  const raw = statement(db, `SELECT ${DISPATCH_COLUMNS} FROM ${DISPATCH_FROM} WHERE d.id = ?`).get(id) as
    RawDispatch | undefined;
  return raw && toDispatch(raw);
};

export interface VisitRow {
  id: string;
  instructorId: string;
  instructorName: string | null;
  unitId: string;
  unitName: string | null;
  dispatchId: string;
  visitedOn: string;
  month: string;
  duties: VisitDuty[];
  note: string | null;
  eventId: string;
  /** Who logged it: the instructor, or the bureau on their behalf. */
  loggedBy: string;
  recordedAt: string;
}

const VISIT_FROM = `instructors_visits v
  LEFT JOIN instructors_people p ON p.id = v.instructor_id LEFT JOIN instructors_units u ON u.id = v.unit_id`;
const VISIT_COLUMNS = `v.id, v.instructor_id AS instructorId, p.display_name AS instructorName, v.unit_id AS unitId,
  u.name AS unitName, v.dispatch_id AS dispatchId, v.visited_on AS visitedOn, v.month, v.duties, v.note,
  v.event_id AS eventId, v.actor_id AS loggedBy, v.recorded_at AS recordedAt`;

export const visitList: ListSpec = {
  id: 'v.id',
  sortable: { visitedOn: 'v.visited_on', unitName: 'u.name', instructorId: 'v.instructor_id' },
  defaultSort: ['visitedOn', 'DESC'],
  filters: {
    q: filters.search('p.display_name', 'u.name', 'v.note'),
    id: filters.oneOf('v.id'),
    instructorId: filters.oneOf('v.instructor_id'),
    unitId: filters.oneOf('v.unit_id'),
    dispatchId: filters.oneOf('v.dispatch_id'),
    month: filters.oneOf('v.month'),
  },
};

type RawVisit = Omit<VisitRow, 'duties'> & { duties: string };

export const listVisits = (db: ReadModelDb, query: ListQuery) =>
  listPage<VisitRow, RawVisit>(db, { columns: VISIT_COLUMNS, from: VISIT_FROM, tieBreak: 'v.id' }, query, (raw) => ({
    ...raw,
    duties: JSON.parse(raw.duties) as VisitDuty[],
  }));
