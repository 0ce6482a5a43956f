import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { nameKey } from '../../core/http/validation.js';
import { sortKey } from '../../core/text/sort-key.js';
import type { PartyOrganizationEvent } from '../organizations.events.js';

export interface PartyOrgRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /**
   * The parent's name, shown even to a secretary who may not open the parent itself (their own
   * organisation's page names its 上级党组织).
   */
  parentName: string | null;
  unitIds: string[];
  foundedOn: string;
  /** A basic-level Party committee that may approve new members (domain.md §4.1). */
  approvalAuthority: boolean;
  termStart: string | null;
  termEnd: string | null;
  revision: number;
}

/** Party organisations as a tree (parent_id) with the units they cover and their committee's term. */
export const partyOrgsProjection: Projection = {
  name: 'party_orgs',
  // 2: approval_authority; 3: name_key, so that lists sort by pinyin; 4: match_key (nameKey), an index look-up.
  version: 4,
  handles: [
    'PartyOrganizationFounded',
    'ApprovalAuthorityGranted',
    'ApprovalAuthorityWithdrawn',
    'CommitteeElected',
    'PositionAssigned',
    'PositionEnded',
  ],
  tables: ['party_orgs', 'party_org_units'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS party_orgs (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_id TEXT, founded_on TEXT NOT NULL,
      term_start TEXT, term_end TEXT, revision INTEGER NOT NULL, approval_authority INTEGER NOT NULL DEFAULT 0,
      name_key TEXT NOT NULL, match_key TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS party_orgs_match ON party_orgs (match_key);
    CREATE INDEX IF NOT EXISTS party_orgs_parent ON party_orgs (parent_id);
    CREATE TABLE IF NOT EXISTS party_org_units (org_id TEXT NOT NULL, unit_id TEXT NOT NULL, PRIMARY KEY (org_id, unit_id));
    CREATE INDEX IF NOT EXISTS party_org_units_unit ON party_org_units (unit_id)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as PartyOrganizationEvent;
    const revision = () =>
      statement(db, 'UPDATE party_orgs SET revision = ? WHERE id = ?').run(recorded.revision, event.data.orgId);
    switch (event.type) {
      case 'PartyOrganizationFounded': {
        const { orgId, name, kind, parentId, unitIds, foundedOn } = event.data;
        statement(db, 'INSERT OR REPLACE INTO party_orgs VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)').run(
          orgId,
          name,
          kind,
          parentId,
          foundedOn,
          recorded.revision,
          event.data.approvalAuthority ? 1 : 0,
          sortKey(name),
          nameKey(name),
        );
        for (const unitId of unitIds)
          statement(db, 'INSERT OR IGNORE INTO party_org_units VALUES (?, ?)').run(orgId, unitId);
        return;
      }
      case 'CommitteeElected':
        statement(db, 'UPDATE party_orgs SET term_start = ?, term_end = ?, revision = ? WHERE id = ?').run(
          event.data.termStart,
          event.data.termEnd,
          recorded.revision,
          event.data.orgId,
        );
        return;
      case 'ApprovalAuthorityGranted':
      case 'ApprovalAuthorityWithdrawn':
        statement(db, 'UPDATE party_orgs SET approval_authority = ?, revision = ? WHERE id = ?').run(
          event.type === 'ApprovalAuthorityGranted' ? 1 : 0,
          recorded.revision,
          event.data.orgId,
        );
        return;
      default:
        revision();
    }
  },
};

const COLUMNS = `o.id, o.name, o.kind, o.parent_id AS parentId,
  (SELECT p.name FROM party_orgs p WHERE p.id = o.parent_id) AS parentName, o.founded_on AS foundedOn, o.term_start AS termStart,
  o.term_end AS termEnd, o.approval_authority AS approvalAuthority, o.revision,
  (SELECT json_group_array(unit_id) FROM party_org_units u WHERE u.org_id = o.id) AS unitIds`;

type RawRow = Omit<PartyOrgRow, 'unitIds' | 'approvalAuthority'> & { unitIds: string; approvalAuthority: number };
const toRow = (row: RawRow): PartyOrgRow => ({
  ...row,
  approvalAuthority: row.approvalAuthority === 1,
  unitIds: JSON.parse(row.unitIds),
});

export const partyOrgList: ListSpec = {
  id: 'o.id',
  sortable: { name: 'o.name_key', kind: 'o.kind', foundedOn: 'o.founded_on', termEnd: 'o.term_end' },
  defaultSort: ['name', 'ASC'],
  filters: {
    q: filters.search('o.name'),
    id: filters.oneOf('o.id'),
    kind: filters.oneOf('o.kind'),
    parentId: filters.equals('o.parent_id'),
    unitId: (value) => ({
      sql: 'o.id IN (SELECT org_id FROM party_org_units WHERE unit_id = ?)',
      params: [String(value)],
    }),
    /** B15: terms ending on or before the given date. */
    termEndsBy: (value) => ({ sql: 'o.term_end IS NOT NULL AND o.term_end <= ?', params: [String(value)] }),
  },
};

export const listPartyOrgs = (db: ReadModelDb, query: ListQuery) =>
  listPage(db, { columns: COLUMNS, from: 'party_orgs o', tieBreak: 'o.id' }, query, toRow);

export const getPartyOrg = (db: ReadModelDb, id: string): PartyOrgRow | undefined => {
  const row = statement(db, `SELECT ${COLUMNS} FROM party_orgs o WHERE o.id = ?`).get(id) as RawRow | undefined;
  return row && toRow(row);
};
