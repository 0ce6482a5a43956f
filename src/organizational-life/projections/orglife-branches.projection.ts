import { statement, type Projection } from '../../core/projections/projection.js';
import type { PartyOrganizationEvent } from '../../organizations/organizations.events.js';

/**
 * The organisations that keep 三会一课, as this feature needs them (names for its lists, and who owes B1–B7),
 * from the roster's own events. Every kind but a basic-level Party committee holds organisational life as a
 * branch does (a general branch, a branch, a joint branch, an affiliated organisation). The roster knows a
 * committee only once one is elected (B2 is owed from then), and a Party group only through its leader's
 * post (B3 is owed while the organisation has a group leader): it records no groups of its own.
 */
export const BRANCH_KINDS = ['general_branch', 'party_branch', 'joint_branch', 'affiliated_party_org'];

export const orglifeBranchesProjection: Projection = {
  name: 'orglife_branches',
  version: 1,
  handles: ['PartyOrganizationFounded', 'CommitteeElected', 'PositionAssigned', 'PositionEnded'],
  tables: ['orglife_branches', 'orglife_group_leaders'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS orglife_branches (
      org_id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, keeps_org_life INTEGER NOT NULL,
      unit_ids TEXT NOT NULL, unit_id TEXT, founded_on TEXT NOT NULL, committee_since TEXT);
    CREATE TABLE IF NOT EXISTS orglife_group_leaders (position_id TEXT PRIMARY KEY, org_id TEXT NOT NULL)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as PartyOrganizationEvent;
    switch (event.type) {
      case 'PartyOrganizationFounded': {
        const { orgId, name, kind, unitIds, foundedOn } = event.data;
        statement(db, 'INSERT OR REPLACE INTO orglife_branches VALUES (?, ?, ?, ?, ?, ?, ?, NULL)').run(
          orgId,
          name,
          kind,
          BRANCH_KINDS.includes(kind) ? 1 : 0,
          JSON.stringify(unitIds),
          unitIds.length === 1 ? unitIds[0] : null,
          foundedOn,
        );
        return;
      }
      case 'CommitteeElected':
        statement(
          db,
          'UPDATE orglife_branches SET committee_since = min(COALESCE(committee_since, ?), ?) WHERE org_id = ?',
        ).run(event.data.termStart, event.data.termStart, event.data.orgId);
        return;
      case 'PositionAssigned':
        if (event.data.title === 'group_leader')
          statement(db, 'INSERT OR IGNORE INTO orglife_group_leaders VALUES (?, ?)').run(
            event.data.positionId,
            event.data.orgId,
          );
        return;
      case 'PositionEnded':
        statement(db, 'DELETE FROM orglife_group_leaders WHERE position_id = ?').run(event.data.positionId);
        return;
    }
  },
};
