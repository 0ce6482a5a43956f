import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { PartyOrganizationEvent } from '../organizations.events.js';

/** Position holders (书记、副书记、委员、党小组长) with their dates and any cross appointment. */
export const positionsProjection: Projection = {
  name: 'positions',
  version: 1,
  handles: ['PositionAssigned', 'PositionEnded'],
  tables: ['positions'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS positions (
      id TEXT PRIMARY KEY, org_id TEXT NOT NULL, member_id TEXT NOT NULL, title TEXT NOT NULL,
      from_date TEXT NOT NULL, to_date TEXT, cross_appointment TEXT);
    CREATE INDEX IF NOT EXISTS positions_org ON positions (org_id, to_date)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as PartyOrganizationEvent;
    if (event.type === 'PositionAssigned') {
      const d = event.data;
      statement(db, 'INSERT OR REPLACE INTO positions VALUES (?, ?, ?, ?, ?, NULL, ?)').run(
        d.positionId,
        d.orgId,
        d.memberId,
        d.title,
        d.from,
        d.crossAppointment,
      );
    } else if (event.type === 'PositionEnded') {
      statement(db, 'UPDATE positions SET to_date = ? WHERE id = ?').run(event.data.to, event.data.positionId);
    }
  },
};

const COLUMNS = `p.id, p.org_id AS orgId, o.name AS orgName, p.member_id AS memberId, m.name AS memberName, p.title,
  p.from_date AS "from", p.to_date AS "to", p.cross_appointment AS crossAppointment`;
const FROM = 'positions p LEFT JOIN party_orgs o ON o.id = p.org_id LEFT JOIN members m ON m.id = p.member_id';

export const positionList: ListSpec = {
  id: 'p.id',
  sortable: { from: 'p.from_date', title: 'p.title', orgName: 'o.name_key', memberName: 'm.name_key' },
  defaultSort: ['from', 'DESC'],
  filters: {
    id: filters.oneOf('p.id'),
    orgId: filters.oneOf('p.org_id'),
    memberId: filters.equals('p.member_id'),
    title: filters.oneOf('p.title'),
    current: (value) => ({
      sql: value === true || value === 'true' ? 'p.to_date IS NULL' : 'p.to_date IS NOT NULL',
      params: [],
    }),
  },
};

export const listPositions = (db: ReadModelDb, query: ListQuery): { rows: PositionRow[]; total: number } =>
  listPage(db, { columns: COLUMNS, from: FROM, tieBreak: 'p.id' }, query);

export interface PositionRow {
  id: string;
  orgId: string;
  orgName: string | null;
  memberId: string;
  memberName: string | null;
  title: string;
  from: string;
  to: string | null;
  crossAppointment: string | null;
}

export const getPosition = (db: ReadModelDb, id: string): PositionRow | undefined =>
  statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = ?`).get(id) as PositionRow | undefined;
