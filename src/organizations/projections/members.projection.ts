import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import { addYears } from '../../core/time/local-date.js';
import { memberIdOf, type ConversionApproved } from '../../development/development.events.js';
import type { MemberEvent } from '../organizations.events.js';
import { MEMBER_HISTORY_INDEX, MEMBER_HISTORY_TABLE, recordMemberHistory } from './member-history.js';

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
  /** A probationary member's end of probation (a year after joining, or as extended): conversion is due. */
  conversionDueOn: string | null;
  /** Still probationary after that day (逾期未转正), as of the request's day in Asia/Shanghai. */
  conversionOverdue: boolean;
}

/** The roster: one row per member, with their organisation and unit, and its history by date (member-history.ts). */
export const membersProjection: Projection = {
  name: 'members',
  // 2: member_history (the roster by date); 3: name_key, so that lists sort by pinyin; conversion_due_on,
  // extended by ConversionApproved (extend). 4: the name index ends with the list's tie-break (id).
  version: 4,
  handles: ['MemberEnrolled', 'MemberTransferred', 'MemberCategoryChanged', 'MemberRemoved', 'ConversionApproved'],
  tables: ['members', 'member_history', 'member_probation_extensions'],
  indexes: [MEMBER_HISTORY_INDEX, 'CREATE INDEX IF NOT EXISTS members_joined ON members (joined_on, id)'],
  init: (db) =>
    db.exec(`${MEMBER_HISTORY_TABLE};
    CREATE TABLE IF NOT EXISTS members (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, gender TEXT NOT NULL, birth_date TEXT, org_id TEXT NOT NULL, unit_id TEXT NOT NULL,
      category TEXT NOT NULL, joined_on TEXT, post TEXT, teaches INTEGER NOT NULL, status TEXT NOT NULL,
      revision INTEGER NOT NULL, updated_at TEXT NOT NULL, name_key TEXT NOT NULL, conversion_due_on TEXT);
    CREATE INDEX IF NOT EXISTS members_org ON members (org_id, status, category);
    CREATE INDEX IF NOT EXISTS members_unit ON members (unit_id, status, category);
    CREATE INDEX IF NOT EXISTS members_name ON members (name_key, id);
    CREATE TABLE IF NOT EXISTS member_probation_extensions (member_id TEXT PRIMARY KEY, probation_end TEXT NOT NULL)`),
  evolve: (db, recorded) => {
    if (recorded.type === 'ConversionApproved') return extendProbation(db, recorded as unknown as ConversionApproved);
    const event = recorded as unknown as MemberEvent;
    recordMemberHistory(db, recorded);
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
        statement(db, 'INSERT OR REPLACE INTO members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
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
          sortKey(d.name),
          d.category === 'probationary' && d.joinedOn ? addYears(d.joinedOn, 1) : null,
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

/**
 * An extended probation (Art. 32) moves the due date of the member the development case put on the roster.
 * Kept beside the roster, not in it: the enrolment job may append MemberEnrolled after the extension.
 */
const extendProbation = (db: ReadModelDb, event: ConversionApproved) => {
  if (event.data.outcome !== 'extend' || !event.data.probationEnd) return;
  statement(db, 'INSERT OR REPLACE INTO member_probation_extensions VALUES (?, ?)').run(
    memberIdOf(event.data.personId),
    event.data.probationEnd,
  );
};

const CONVERSION_DUE = "CASE WHEN m.category = 'probationary' THEN coalesce(x.probation_end, m.conversion_due_on) END";

const COLUMNS = `m.id, m.name, m.gender, m.birth_date AS birthDate, m.org_id AS orgId, o.name AS orgName, m.unit_id AS unitId,
  u.name AS unitName, m.category, m.joined_on AS joinedOn, m.post, m.teaches, m.status, m.revision, m.updated_at AS updatedAt,
  ${CONVERSION_DUE} AS conversionDueOn`;
const FROM = `members m LEFT JOIN party_orgs o ON o.id = m.org_id LEFT JOIN units u ON u.id = m.unit_id
  LEFT JOIN member_probation_extensions x ON x.member_id = m.id`;

export const memberList: ListSpec = {
  id: 'm.id',
  sortable: {
    name: 'm.name_key',
    category: 'm.category',
    joinedOn: 'm.joined_on',
    birthDate: 'm.birth_date',
    unitName: 'u.name_key',
    orgName: 'o.name_key',
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
    /** 逾期未转正: active probationary members whose probation ended before the given day (the dashboard's link). */
    conversionDueBefore: (value) => ({
      sql: `m.status = 'active' AND ${CONVERSION_DUE} < ?`,
      params: [String(value)],
    }),
  },
};

type RawRow = Omit<MemberRow, 'teaches' | 'conversionOverdue'> & { teaches: number };
const toRow =
  (today: string) =>
  (row: RawRow): MemberRow => ({
    ...row,
    teaches: row.teaches === 1,
    conversionOverdue: row.status === 'active' && row.conversionDueOn !== null && row.conversionDueOn < today,
  });

/** `today` (Asia/Shanghai, from the clock) judges which probationary members are overdue for conversion. */
export const listMembers = (db: ReadModelDb, query: ListQuery, today: string) =>
  listPage(db, { columns: COLUMNS, from: FROM, tieBreak: 'm.id' }, query, toRow(today));

export const getMember = (db: ReadModelDb, id: string, today: string): MemberRow | undefined => {
  const row = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = ?`).get(id) as RawRow | undefined;
  return row && toRow(today)(row);
};

/** Active full members of a unit: the count behind B18 (own organisation at 3, committee at 7). */
export const fullMembersOfUnit = (db: ReadModelDb, unitId: string): number =>
  (
    statement(
      db,
      "SELECT count(*) AS n FROM members WHERE unit_id = ? AND status = 'active' AND category = 'full'",
    ).get(unitId) as { n: number }
  ).n;
