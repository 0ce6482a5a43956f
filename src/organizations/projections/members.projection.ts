import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { MemberEvent } from '../organizations.events.js';

export interface MemberRow {
  id: string;
  name: string;
  gender: string;
  birthDate: string | null;
  orgId: string;
  orgName: string | null;
  unitId: string;
  unitName: string | null;
  category: string;
  joinedOn: string | null;
  post: string | null;
  teaches: boolean;
  status: 'active' | 'removed';
  revision: number;
  updatedAt: string;
}

/** The roster: one row per member, with their organisation and unit. */
export const membersProjection: Projection = {
  name: 'members',
  version: 1,
  handles: ['MemberEnrolled', 'MemberTransferred', 'MemberCategoryChanged', 'MemberRemoved'],
  tables: ['members'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS members (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, gender TEXT NOT NULL, birth_date TEXT, org_id TEXT NOT NULL, unit_id TEXT NOT NULL,
      category TEXT NOT NULL, joined_on TEXT, post TEXT, teaches INTEGER NOT NULL, status TEXT NOT NULL,
      revision INTEGER NOT NULL, updated_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS members_org ON members (org_id, status, category);
    CREATE INDEX IF NOT EXISTS members_unit ON members (unit_id, status, category);
    CREATE INDEX IF NOT EXISTS members_name ON members (name)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as MemberEvent;
    const at = recorded.metadata.recordedAt;
    const update = (set: string, ...params: unknown[]) =>
      statement(db, `UPDATE members SET ${set}, revision = ?, updated_at = ? WHERE id = ?`).run(
        ...params,
        recorded.revision,
        at,
        event.data.memberId,
      );
    switch (event.type) {
      case 'MemberEnrolled': {
        const d = event.data;
        statement(db, 'INSERT OR REPLACE INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          d.memberId,
          d.name,
          d.gender,
          d.birthDate,
          d.orgId,
          d.unitId,
          d.category,
          d.joinedOn,
          d.post,
          d.teaches ? 1 : 0,
          'active',
          recorded.revision,
          at,
        );
        return;
      }
      case 'MemberTransferred':
        update('org_id = ?, unit_id = ?', event.data.toOrgId, event.data.toUnitId);
        return;
      case 'MemberCategoryChanged':
        update('category = ?', event.data.category);
        return;
      case 'MemberRemoved':
        update("status = 'removed'");
        return;
    }
  },
};

const COLUMNS = `m.id, m.name, m.gender, m.birth_date AS birthDate, m.org_id AS orgId, o.name AS orgName, m.unit_id AS unitId,
  u.name AS unitName, m.category, m.joined_on AS joinedOn, m.post, m.teaches, m.status, m.revision, m.updated_at AS updatedAt`;
const FROM = 'members m LEFT JOIN party_orgs o ON o.id = m.org_id LEFT JOIN units u ON u.id = m.unit_id';

export const memberList: ListSpec = {
  id: 'm.id',
  sortable: {
    name: 'm.name',
    category: 'm.category',
    joinedOn: 'm.joined_on',
    birthDate: 'm.birth_date',
    unitName: 'u.name',
    orgName: 'o.name',
    updatedAt: 'm.updated_at',
  },
  defaultSort: ['name', 'ASC'],
  filters: {
    q: filters.search('m.name', 'm.post'),
    id: filters.oneOf('m.id'),
    orgId: filters.oneOf('m.org_id'),
    unitId: filters.oneOf('m.unit_id'),
    category: filters.equals('m.category'),
    status: filters.equals('m.status'),
    teaches: (value) => ({ sql: 'm.teaches = ?', params: [value === true || value === 'true' ? 1 : 0] }),
  },
};

type RawRow = Omit<MemberRow, 'teaches'> & { teaches: number };
const toRow = (row: RawRow): MemberRow => ({ ...row, teaches: row.teaches === 1 });

export const listMembers = (db: ReadModelDb, query: ListQuery) =>
  listPage(db, { columns: COLUMNS, from: FROM, tieBreak: 'm.id' }, query, toRow);

export const getMember = (db: ReadModelDb, id: string): MemberRow | undefined => {
  const row = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = ?`).get(id) as RawRow | undefined;
  return row && toRow(row);
};

/** Active full members of a unit: the count behind B18 (own organisation at 3, committee at 7). */
export const fullMembersOfUnit = (db: ReadModelDb, unitId: string): number =>
  (
    statement(
      db,
      "SELECT count(*) AS n FROM members WHERE unit_id = ? AND status = 'active' AND category = 'full'",
    ).get(unitId) as { n: number }
  ).n;
