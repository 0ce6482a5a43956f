import { Inject, Injectable } from '@nestjs/common';
import type { Bilingual } from '../core/errors.js';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { eligibilityOn, type DisqualificationFact, type Eligibility, type SanctionFact } from './eligibility.js';
import { periodFrom, periodsInForceOn } from './periods.js';

export type { Eligibility, Restriction, Right, RightAnswer } from './eligibility.js';

/** A violation that bars a unit from 先进基层党组织: whose, what, decided when, counting until when. */
export interface UnitViolation {
  caseId: string;
  personId: string;
  name: string;
  kind: string;
  decidedOn: string;
  until: string;
}

const SANCTION_COLUMNS = `case_id AS caseId, id AS sanctionId, track, measure, decided_on AS decidedOn,
  deciding_body AS decidingBody, document_number AS documentNumber, last_day AS lastDay, revoked_on AS revokedOn,
  concluded, concluded_on AS concludedOn, restriction_last_day AS restrictionLastDay`;
const DISQUALIFICATION_COLUMNS = `case_id AS caseId, id AS disqualificationId, decided_on AS decidedOn,
  deciding_body AS decidingBody, document_number AS documentNumber, last_day AS lastDay`;

/**
 * The discipline feature's read door: what a person (a member's person id is their member id) may do on a
 * day — be commended, introduce, vote, elect or be elected, take a post, rejoin — each with every reason
 * and its last day; and whether a unit or organisation may be an advanced grass-roots organisation.
 * Membership development and commendations ask it; DisciplineModule provides and exports it.
 */
@Injectable()
export class DisciplineFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  eligibility(personId: string, on: string): Eligibility {
    const sanctions = statement(
      this.db,
      `SELECT ${SANCTION_COLUMNS} FROM discipline_sanctions WHERE person_id = ?`,
    ).all(personId) as SanctionFact[];
    const disqualifications = statement(
      this.db,
      `SELECT ${DISQUALIFICATION_COLUMNS} FROM discipline_disqualifications WHERE person_id = ?`,
    ).all(personId) as DisqualificationFact[];
    return eligibilityOn(on, sanctions, disqualifications);
  }

  /**
   * Of `memberIds`, those without the right to vote on `on` (under 留党察看, expelled), with the last day
   * of the restriction (null: no end): a branch meeting's entitled voters exclude them.
   */
  withoutVote(memberIds: readonly string[], on: string): { memberId: string; until: string | null }[] {
    const ids = statement(
      this.db,
      `SELECT DISTINCT person_id AS id FROM discipline_sanctions
       WHERE person_id IN (SELECT value FROM json_each(?)) AND track = 'party' AND measure IN ('party_probation', 'expulsion')`,
    ).all(JSON.stringify(memberIds)) as { id: string }[];
    return ids.flatMap(({ id }) => {
      const vote = this.eligibility(id, on).vote;
      return vote.allowed ? [] : [{ memberId: id, until: vote.until }];
    });
  }

  /**
   * Whether an organisation (or units) may be 先进基层党组织 on `on`: not when one of its members had a
   * violation (a sanction not revoked, a probationary member's measure, a confirmed teacher-ethics
   * violation) decided within the window of the period table in force (default 24 months).
   */
  advancedOrgEligibility(
    of: { orgId?: string; unitIds?: readonly string[] },
    on: string,
  ): { eligible: boolean; windowMonths: number; violations: UnitViolation[]; reason: Bilingual | null } {
    const windowMonths = periodsInForceOn(on).advancedOrgWindowMonths;
    const rows = statement(
      this.db,
      `SELECT c.id AS caseId, c.person_id AS personId, c.name, x.kind, x.decided_on AS decidedOn
       FROM discipline_cases c JOIN (
         SELECT case_id, measure AS kind, decided_on FROM discipline_sanctions WHERE revoked_on IS NULL
         UNION ALL SELECT case_id, measure, decided_on FROM discipline_measures
         UNION ALL SELECT id, 'teacher_ethics_violation', violation_confirmed_on FROM discipline_cases
           WHERE violation_confirmed_on IS NOT NULL) x ON x.case_id = c.id
       WHERE x.decided_on <= ? AND (c.org_id = ? OR c.unit_id IN (SELECT value FROM json_each(?)))
       ORDER BY x.decided_on`,
    ).all(on, of.orgId ?? null, JSON.stringify(of.unitIds ?? [])) as Omit<UnitViolation, 'until'>[];
    const violations = rows
      .map((r) => ({ ...r, until: periodFrom(r.decidedOn, windowMonths).lastDay }))
      .filter((r) => r.until >= on);
    const last = violations
      .map((v) => v.until)
      .sort()
      .at(-1);
    return {
      eligible: violations.length === 0,
      windowMonths,
      violations,
      reason: last
        ? {
            zh: `${windowMonths} 个月内有党员受到处分或处理、或师德失范（至 ${last}）`,
            en: `A member was sanctioned or dealt with, or violated teacher ethics, within ${windowMonths} months (until ${last})`,
          }
        : null,
    };
  }
}
