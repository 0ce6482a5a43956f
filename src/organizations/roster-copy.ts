import { statement, type Projection } from '../core/projections/projection.js';
import type {
  MemberCategoryChanged,
  MemberEnrolled,
  MemberRemoved,
  MemberTransferred,
  PartyOrganizationFounded,
  UnitRegistered,
  UnitRenamed,
} from './organizations.events.js';

type Handled =
  | MemberEnrolled
  | MemberTransferred
  | MemberCategoryChanged
  | MemberRemoved
  | UnitRegistered
  | UnitRenamed
  | PartyOrganizationFounded;

/**
 * A feature's own copy of the roster, for features whose SQL (lists, obligations) must join it: read models
 * are private to their feature, so each keeps its copy, fed from the organisations' events. Tables
 * `<prefix>_members` (id, name, org_id, unit_id, category, status 'active'|'removed', teaches),
 * `<prefix>_units` and `<prefix>_orgs` (id, name); the projection is named `<prefix>_roster`.
 */
export const rosterCopyProjection = (prefix: string): Projection => ({
  name: `${prefix}_roster`,
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
  tables: [`${prefix}_members`, `${prefix}_units`, `${prefix}_orgs`],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${prefix}_members (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, org_id TEXT NOT NULL, unit_id TEXT NOT NULL,
        category TEXT NOT NULL, status TEXT NOT NULL, teaches INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS ${prefix}_members_org ON ${prefix}_members (org_id);
      CREATE TABLE IF NOT EXISTS ${prefix}_units (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${prefix}_orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as Handled;
    switch (event.type) {
      case 'MemberEnrolled': {
        const { memberId, name, orgId, unitId, category, teaches } = event.data;
        statement(db, `INSERT OR REPLACE INTO ${prefix}_members VALUES (?, ?, ?, ?, ?, 'active', ?)`).run(
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
        statement(db, `UPDATE ${prefix}_members SET org_id = ?, unit_id = ? WHERE id = ?`).run(
          event.data.toOrgId,
          event.data.toUnitId,
          event.data.memberId,
        );
        return;
      case 'MemberCategoryChanged':
        statement(db, `UPDATE ${prefix}_members SET category = ? WHERE id = ?`).run(
          event.data.category,
          event.data.memberId,
        );
        return;
      case 'MemberRemoved':
        statement(db, `UPDATE ${prefix}_members SET status = 'removed' WHERE id = ?`).run(event.data.memberId);
        return;
      case 'UnitRegistered':
        statement(db, `INSERT OR REPLACE INTO ${prefix}_units VALUES (?, ?)`).run(event.data.unitId, event.data.name);
        return;
      case 'UnitRenamed':
        statement(db, `UPDATE ${prefix}_units SET name = ? WHERE id = ?`).run(event.data.name, event.data.unitId);
        return;
      case 'PartyOrganizationFounded':
        statement(db, `INSERT OR REPLACE INTO ${prefix}_orgs VALUES (?, ?)`).run(event.data.orgId, event.data.name);
        return;
    }
  },
});
