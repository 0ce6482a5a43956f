import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';

/** What a step needs to know of a member named in it (cultivation contact, introducer). */
export interface MemberStanding {
  memberId: string;
  name: string;
  /** An active full member (正式党员): probationary members may be neither contacts nor introducers. */
  full: boolean;
  /** Under 留党察看 with rights not restored (Art. 14): may not introduce. */
  underPartyProbation: boolean;
}

/** Who may be named: the handler asks, the pure decider judges. */
export interface IntroducerEligibility {
  /** null when the id is nobody on the roster. */
  standing(memberId: string): MemberStanding | null;
}
export const INTRODUCER_ELIGIBILITY = Symbol('INTRODUCER_ELIGIBILITY');

/**
 * Reads full membership from the `members` read model. The conduct feature (Party sanctions) does not
 * exist yet, so nobody is treated as under 留党察看: that feature will provide its own implementation
 * under INTRODUCER_ELIGIBILITY, reading its sanctions read model.
 */
@Injectable()
export class RosterIntroducerEligibility implements IntroducerEligibility {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  standing(memberId: string): MemberStanding | null {
    const row = statement(this.db, 'SELECT id, name, category, status FROM members WHERE id = ?').get(memberId) as
      { id: string; name: string; category: string; status: string } | undefined;
    if (!row) return null;
    return {
      memberId: row.id,
      name: row.name,
      full: row.status === 'active' && row.category === 'full',
      underPartyProbation: false,
    };
  }
}

/** Roster facts a development step needs, read by handlers so deciders stay pure. */
@Injectable()
export class DevelopmentFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** The organisation exists and covers the unit (one of its units, or the unit is affiliated to it). */
  orgCoversUnit(orgId: string, unitId: string): { orgExists: boolean; covers: boolean } {
    const orgExists = statement(this.db, 'SELECT 1 FROM party_orgs WHERE id = ?').get(orgId) !== undefined;
    const own = statement(this.db, 'SELECT 1 FROM party_org_units WHERE org_id = ? AND unit_id = ?').get(orgId, unitId);
    const hosted = statement(this.db, 'SELECT 1 FROM units WHERE id = ? AND host_org_id = ?').get(unitId, orgId);
    return { orgExists, covers: own !== undefined || hosted !== undefined };
  }

  /** Active full members of the organisation: the most who may be entitled to vote (probationers never are). */
  fullMembersOf(orgId: string): number {
    return (
      statement(
        this.db,
        "SELECT count(*) AS n FROM members WHERE org_id = ? AND status = 'active' AND category = 'full'",
      ).get(orgId) as { n: number }
    ).n;
  }
}
