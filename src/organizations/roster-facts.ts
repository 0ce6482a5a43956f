import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { nameKey } from '../core/http/validation.js';
import { fullMembersOfUnit } from './projections/members.projection.js';

export interface OrgFacts {
  id: string;
  name: string;
  kind: string;
  unitIds: string[];
}

/**
 * What this feature's deciders about one stream need to know of others (does the unit exist, which units
 * does the organisation cover, how many full members…), read from the roster's read models by the
 * handler and passed in, so deciders stay pure. The command gateway waits for projections after
 * every write, so these facts include the writer's own previous commands. Other features ask through the
 * read door instead (organizations.facts.ts).
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

  /**
   * Another unit already bearing `name` (the same name up to case, width and spacing), if any. The
   * name claims guard concurrent creates; this covers the names given before claims existed.
   */
  unitNamed(name: string, exceptId: string): { id: string; name: string } | null {
    return sameName(this.db, 'units', name, exceptId);
  }

  /** Another Party organisation already bearing `name`, if any (see {@link unitNamed}). */
  orgNamed(name: string, exceptId: string): { id: string; name: string } | null {
    return sameName(this.db, 'party_orgs', name, exceptId);
  }

  /** Does the organisation cover the unit: one of its units, or affiliated to it? */
  covers(org: OrgFacts, unitId: string): boolean {
    return org.unitIds.includes(unitId) || this.hostOf(unitId) === org.id;
  }
}

/**
 * By `match_key`: nameKey(name), the same name up to case, width and spacing, computed in JS by the projection
 * (SQLite's lower() knows only ASCII) and indexed, so the check costs one look-up however many units there are.
 */
const sameName = (db: ReadModelDb, table: 'units' | 'party_orgs', name: string, exceptId: string) =>
  (statement(db, `SELECT id, name FROM ${table} WHERE match_key = ? AND id != ? LIMIT 1`).get(
    nameKey(name),
    exceptId,
  ) as { id: string; name: string } | undefined) ?? null;
