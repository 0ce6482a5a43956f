import { statement, type Projection } from '../../core/projections/projection.js';
import type {
  MemberCategoryChanged,
  MemberEnrolled,
  MemberRemoved,
  MemberTransferred,
  PartyOrganizationFounded,
  UnitRegistered,
  UnitRenamed,
} from '../../organizations/organizations.events.js';

type Handled =
  | MemberEnrolled
  | MemberTransferred
  | MemberCategoryChanged
  | MemberRemoved
  | UnitRegistered
  | UnitRenamed
  | PartyOrganizationFounded;

/**
 * What discipline knows of the roster, from the organisations' events (it reads no other feature's
 * tables): each member's organisation, unit, category and whether they teach (a teacher-ethics case needs
 * a teacher), and the names of units and organisations for its lists.
 */
export const disciplineRosterProjection: Projection = {
  name: 'discipline_roster',
  version: 1,
  handles: [
    'MemberEnrolled',
    'MemberTransferred',
    'MemberCategoryChanged',
    'MemberRemoved',
    'UnitRegistered',
    'UnitRenamed',
    'PartyOrganizationFounded',
  ],
  tables: ['discipline_members', 'discipline_units', 'discipline_orgs'],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS discipline_members (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, org_id TEXT NOT NULL, unit_id TEXT NOT NULL,
        category TEXT NOT NULL, status TEXT NOT NULL, teaches INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS discipline_members_org ON discipline_members (org_id);
      CREATE TABLE IF NOT EXISTS discipline_units (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS discipline_orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as Handled;
    switch (event.type) {
      case 'MemberEnrolled': {
        const { memberId, name, orgId, unitId, category, teaches } = event.data;
        statement(db, `INSERT OR REPLACE INTO discipline_members VALUES (?, ?, ?, ?, ?, 'active', ?)`).run(
          memberId,
          name,
          orgId,
          unitId,
          category,
          teaches ? 1 : 0,
        );
        return;
      }
      case 'MemberTransferred':
        statement(db, 'UPDATE discipline_members SET org_id = ?, unit_id = ? WHERE id = ?').run(
          event.data.toOrgId,
          event.data.toUnitId,
          event.data.memberId,
        );
        return;
      case 'MemberCategoryChanged':
        statement(db, 'UPDATE discipline_members SET category = ? WHERE id = ?').run(
          event.data.category,
          event.data.memberId,
        );
        return;
      case 'MemberRemoved':
        statement(db, `UPDATE discipline_members SET status = 'removed' WHERE id = ?`).run(event.data.memberId);
        return;
      case 'UnitRegistered':
        statement(db, 'INSERT OR REPLACE INTO discipline_units VALUES (?, ?)').run(event.data.unitId, event.data.name);
        return;
      case 'UnitRenamed':
        statement(db, 'UPDATE discipline_units SET name = ? WHERE id = ?').run(event.data.name, event.data.unitId);
        return;
      case 'PartyOrganizationFounded':
        statement(db, 'INSERT OR REPLACE INTO discipline_orgs VALUES (?, ?)').run(event.data.orgId, event.data.name);
        return;
    }
  },
};
