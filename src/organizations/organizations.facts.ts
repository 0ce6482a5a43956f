import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { membersOn, rosterOn } from './projections/member-history.js';
import { fullMembersOfUnit } from './projections/members.projection.js';
import { RosterFacts } from './roster-facts.js';

export { rosterCopyProjection } from './roster-copy.js';

/** A member as the roster knows them: enough to judge who may be named in another feature's step. */
export interface MemberOnRoster {
  id: string;
  name: string;
  category: 'full' | 'probationary';
  status: 'active' | 'removed';
}

const ids = (list: readonly string[]) => JSON.stringify(list);
const column = (rows: unknown[]) => (rows as { id: string }[]).map((row) => row.id);

/**
 * The organisations feature's read door: what other features may ask of units, Party organisations and
 * the roster (the only file of this feature besides its events that another feature imports). Read from
 * this feature's read models; the command gateway waits for projections after every write, so answers
 * include the caller's own previous commands. OrganizationsModule provides and exports it.
 */
@Injectable()
export class OrganizationsFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly roster: RosterFacts,
  ) {}

  /** Does the organisation exist, and does it cover the unit (one of its units, or the unit is affiliated to it)? */
  orgCoversUnit(orgId: string, unitId: string): { orgExists: boolean; covers: boolean } {
    return this.roster.orgCoversUnit(orgId, unitId);
  }

  /**
   * The organisation's active members on a day, by category: a branch meeting's entitled voters are at
   * most its full members that day, and the probationary members who attend (without a vote) at most its
   * probationary ones.
   */
  membersOn(orgId: string, on: string): { full: number; probationary: number } {
    return rosterOn(this.db, orgId, on);
  }

  /**
   * The organisation's active members on a day, each with their category that day: who may be named in
   * the attendance of its meetings, and who counts towards a general meeting's quorum (full members).
   */
  memberIdsOn(orgId: string, on: string): { id: string; category: 'full' | 'probationary' }[] {
    return membersOn(this.db, orgId, on);
  }

  /** The unit's active full members today (a unit with fewer than 3 is affiliated to a host organisation). */
  fullMembersOfUnit(unitId: string): number {
    return fullMembersOfUnit(this.db, unitId);
  }

  /** A member's name, category and status, or null when the id is nobody on the roster. */
  memberStanding(memberId: string): MemberOnRoster | null {
    return (
      (statement(this.db, 'SELECT id, name, category, status FROM members WHERE id = ?').get(memberId) as
        MemberOnRoster | undefined) ?? null
    );
  }

  /**
   * The committee that approves new members for `orgId` (domain.md §4.1): the nearest basic-level Party
   * committee with approval authority at or above it in the tree; null when there is none.
   */
  approvingCommitteeOf(orgId: string): { id: string; name: string } | null {
    return (
      (statement(
        this.db,
        `WITH RECURSIVE up(id, depth) AS (SELECT ?, 0
           UNION ALL SELECT o.parent_id, up.depth + 1 FROM party_orgs o JOIN up ON o.id = up.id
           WHERE o.parent_id IS NOT NULL AND up.depth < 50)
         SELECT o.id, o.name FROM up JOIN party_orgs o ON o.id = up.id
         WHERE o.kind = 'basic_party_committee' AND o.approval_authority = 1 ORDER BY up.depth LIMIT 1`,
      ).get(orgId) as { id: string; name: string } | undefined) ?? null
    );
  }

  /** The organisations given and every one under them, at any depth (the branches of a general branch…). */
  orgsWithin(orgIds: readonly string[]): string[] {
    if (!orgIds.length) return [];
    return column(
      statement(
        this.db,
        `WITH RECURSIVE own(id) AS (SELECT value FROM json_each(?)
           UNION SELECT o.id FROM party_orgs o JOIN own ON o.parent_id = own.id)
         SELECT id FROM own`,
      ).all(ids(orgIds)),
    );
  }

  /** The organisations covering any of the units: one of their units, or the unit is affiliated to them. */
  orgsCovering(unitIds: readonly string[]): string[] {
    if (!unitIds.length) return [];
    return column(
      statement(
        this.db,
        `SELECT org_id AS id FROM party_org_units WHERE unit_id IN (SELECT value FROM json_each(?))
         UNION SELECT host_org_id FROM units WHERE id IN (SELECT value FROM json_each(?)) AND host_org_id IS NOT NULL`,
      ).all(ids(unitIds), ids(unitIds)),
    );
  }

  /** The units any of the organisations covers: their own units and those affiliated to them. */
  unitsCoveredBy(orgIds: readonly string[]): string[] {
    if (!orgIds.length) return [];
    return column(
      statement(
        this.db,
        `SELECT unit_id AS id FROM party_org_units WHERE org_id IN (SELECT value FROM json_each(?))
         UNION SELECT id FROM units WHERE host_org_id IN (SELECT value FROM json_each(?))`,
      ).all(ids(orgIds), ids(orgIds)),
    );
  }
}
