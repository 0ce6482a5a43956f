import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { RoleGranted, RoleRevoked, UserRegistered } from '../../auth/auth.events.js';
import type {
  PartyOrganizationFounded,
  UnitAffiliated,
  UnitAffiliationEnded,
  UnitRegistered,
  UnitRenamed,
} from '../../organizations/organizations.events.js';

type Handled =
  | UserRegistered
  | RoleGranted
  | RoleRevoked
  | UnitRegistered
  | UnitRenamed
  | UnitAffiliated
  | UnitAffiliationEnded
  | PartyOrganizationFounded;

/**
 * What this feature knows of other features, from their events (it reads no other feature's tables): who
 * holds the role 'instructor' (only they are dispatched), units' and organisations' names for the
 * calendar, and which units each organisation hosted (挂靠) over time, for C6's months.
 */
export const instructorsDirectoryProjection: Projection = {
  name: 'instructors_directory',
  version: 1,
  handles: [
    'UserRegistered',
    'RoleGranted',
    'RoleRevoked',
    'UnitRegistered',
    'UnitRenamed',
    'UnitAffiliated',
    'UnitAffiliationEnded',
    'PartyOrganizationFounded',
  ],
  tables: ['instructors_people', 'instructors_units', 'instructors_orgs', 'instructors_affiliations'],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS instructors_people (
        id TEXT PRIMARY KEY, display_name TEXT NOT NULL, is_instructor INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS instructors_units (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS instructors_orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS instructors_affiliations (
        unit_id TEXT NOT NULL, host_org_id TEXT NOT NULL, since TEXT NOT NULL, until TEXT,
        PRIMARY KEY (unit_id, since));
      CREATE INDEX IF NOT EXISTS instructors_affiliations_host ON instructors_affiliations (host_org_id);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as Handled;
    switch (event.type) {
      case 'UserRegistered':
        statement(
          db,
          'INSERT OR REPLACE INTO instructors_people (id, display_name, is_instructor) VALUES (?, ?, 0)',
        ).run(event.data.userId, event.data.displayName);
        return;
      case 'RoleGranted':
      case 'RoleRevoked':
        if (event.data.role !== 'instructor') return;
        statement(db, 'UPDATE instructors_people SET is_instructor = ? WHERE id = ?').run(
          event.type === 'RoleGranted' ? 1 : 0,
          event.data.userId,
        );
        return;
      case 'UnitRegistered':
        statement(db, 'INSERT OR REPLACE INTO instructors_units (id, name, type) VALUES (?, ?, ?)').run(
          event.data.unitId,
          event.data.name,
          event.data.type,
        );
        return;
      case 'UnitRenamed':
        statement(db, 'UPDATE instructors_units SET name = ? WHERE id = ?').run(event.data.name, event.data.unitId);
        return;
      case 'UnitAffiliated':
        statement(db, 'INSERT OR REPLACE INTO instructors_affiliations VALUES (?, ?, ?, NULL)').run(
          event.data.unitId,
          event.data.hostOrgId,
          event.data.since,
        );
        return;
      case 'UnitAffiliationEnded':
        statement(db, 'UPDATE instructors_affiliations SET until = ? WHERE unit_id = ? AND until IS NULL').run(
          event.data.on,
          event.data.unitId,
        );
        return;
      case 'PartyOrganizationFounded':
        statement(db, 'INSERT OR REPLACE INTO instructors_orgs (id, name, kind) VALUES (?, ?, ?)').run(
          event.data.orgId,
          event.data.name,
          event.data.kind,
        );
        return;
    }
  },
};

/** A user who holds the role 'instructor' now, by id; null for anyone else. */
export const instructorNamed = (db: ReadModelDb, id: string): { id: string; displayName: string } | null =>
  (statement(
    db,
    'SELECT id, display_name AS displayName FROM instructors_people WHERE id = ? AND is_instructor = 1',
  ).get(id) as { id: string; displayName: string } | undefined) ?? null;

export const unitNamed = (db: ReadModelDb, id: string): { id: string; name: string; type: string } | null =>
  (statement(db, 'SELECT id, name, type FROM instructors_units WHERE id = ?').get(id) as
    { id: string; name: string; type: string } | undefined) ?? null;

export const orgNamed = (db: ReadModelDb, id: string): { id: string; name: string; kind: string } | null =>
  (statement(db, 'SELECT id, name, kind FROM instructors_orgs WHERE id = ?').get(id) as
    { id: string; name: string; kind: string } | undefined) ?? null;

/** The units affiliated to `orgId` for at least a day of `month` ('YYYY-MM'), by id. */
export const unitsHostedIn = (db: ReadModelDb, orgId: string, month: string): string[] =>
  (
    statement(
      db,
      `SELECT DISTINCT unit_id AS id FROM instructors_affiliations
       WHERE host_org_id = ? AND since <= ? || '-31' AND (until IS NULL OR until >= ? || '-01') ORDER BY unit_id`,
    ).all(orgId, month, month) as { id: string }[]
  ).map((row) => row.id);

/** Every current instructor, by name (the dispatch form's choices). */
export const listInstructors = (db: ReadModelDb): { id: string; displayName: string }[] =>
  statement(
    db,
    'SELECT id, display_name AS displayName FROM instructors_people WHERE is_instructor = 1 ORDER BY id',
  ).all() as { id: string; displayName: string }[];
