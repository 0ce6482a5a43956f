import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { fullMembersOfUnit } from './projections/members.projection.js';

export interface OrgFacts {
  id: string;
  name: string;
  kind: string;
  unitIds: string[];
}

/**
 * What a decider about one stream needs to know of others (does the unit exist, which units does
 * the organisation cover, how many full members…), read from the roster's read models by the
 * handler and passed in, so deciders stay pure. The command gateway waits for projections after
 * every write, so these facts include the writer's own previous commands.
 */
@Injectable()
export class RosterFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  unitExists(unitId: string): boolean {
    return statement(this.db, 'SELECT 1 FROM units WHERE id = ?').get(unitId) !== undefined;
  }

  hostOf(unitId: string): string | null {
    return (
      (
        statement(this.db, 'SELECT host_org_id AS host FROM units WHERE id = ?').get(unitId) as
          { host: string | null } | undefined
      )?.host ?? null
    );
  }

  org(orgId: string | null | undefined): OrgFacts | null {
    if (!orgId) return null;
    const row = statement(this.db, 'SELECT id, name, kind FROM party_orgs WHERE id = ?').get(orgId) as
      Omit<OrgFacts, 'unitIds'> | undefined;
    if (!row) return null;
    const units = statement(this.db, 'SELECT unit_id AS id FROM party_org_units WHERE org_id = ?').all(orgId) as {
      id: string;
    }[];
    return { ...row, unitIds: units.map((u) => u.id) };
  }

  /** The unit's own branch, general branch or committee (B18), if it has one. */
  ownOrgOf(unitId: string): OrgFacts | null {
    const own = statement(
      this.db,
      `SELECT o.id FROM party_org_units pu JOIN party_orgs o ON o.id = pu.org_id
        WHERE pu.unit_id = ? AND o.kind IN ('party_branch', 'general_branch', 'basic_party_committee') LIMIT 1`,
    ).get(unitId) as { id: string } | undefined;
    return own ? this.org(own.id) : null;
  }

  fullMembers(unitId: string): number {
    return fullMembersOfUnit(this.db, unitId);
  }

  /** Active full members of the organisation: the most who may be entitled to vote (probationers never are). */
  fullMembersOfOrg(orgId: string): number {
    return (
      statement(
        this.db,
        "SELECT count(*) AS n FROM members WHERE org_id = ? AND status = 'active' AND category = 'full'",
      ).get(orgId) as { n: number }
    ).n;
  }

  /** A member's name, category and status, or null when the id is nobody on the roster. */
  member(memberId: string): { id: string; name: string; category: string; status: string } | null {
    return (
      (statement(this.db, 'SELECT id, name, category, status FROM members WHERE id = ?').get(memberId) as
        { id: string; name: string; category: string; status: string } | undefined) ?? null
    );
  }

  /** The organisation exists and covers the unit (one of its units, or the unit is affiliated to it). */
  orgCoversUnit(orgId: string, unitId: string): { orgExists: boolean; covers: boolean } {
    const org = this.org(orgId);
    return { orgExists: org !== null, covers: org !== null && this.covers(org, unitId) };
  }

  memberOrg(memberId: string): string | null {
    return (
      (
        statement(this.db, "SELECT org_id AS org FROM members WHERE id = ? AND status = 'active'").get(memberId) as
          { org: string } | undefined
      )?.org ?? null
    );
  }

  /** Does the organisation cover the unit: one of its units, or affiliated to it? */
  covers(org: OrgFacts, unitId: string): boolean {
    return org.unitIds.includes(unitId) || this.hostOf(unitId) === org.id;
  }
}
