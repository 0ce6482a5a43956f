import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { statement } from '../core/projections/projection.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import type { PairingProgress } from './progress.js';
import { activitiesIn, getPairing, pairingIdsOf, targetFacts } from './projections/pairing-queries.js';

/** One fact that counted: the event behind it and its business date, so every point scored can be explained. */
export interface PairingFact {
  eventId: string;
  on: string;
  /** What it was (a teacher's name, a kind of activity, a norm's key…). */
  what: string;
}

/** A count and the facts it counts. */
export interface Counted {
  count: number;
  facts: PairingFact[];
}

/** What one pairing did in a period, for one of the units taking part in it. */
export interface PairingCounts {
  pairingId: string;
  name: string;
  /** The unit's part in it. */
  role: 'helper' | 'helped';
  teachingActivities: Counted;
  /** Backbone teachers trained in the period, each name once per pairing (at its first training). */
  teachersTrained: Counted;
  supportPairsFormed: Counted;
  supportGiven: Counted;
  partyBuildingActivities: Counted;
  /** Norms judged met in the period (the latest judgement of each item stands). */
  normsMet: Counted;
  /** New members admitted (development's AdmissionApproved) in the helped schools, dated by the entry date. */
  membersDeveloped: Counted;
  /** Year-end written summaries (C2) on file for years whose 30 November falls in the period. */
  yearEndSummaries: Counted;
}

const counted = (facts: PairingFact[]): Counted => ({ count: facts.length, facts });
const within = (from: string, to: string) => (fact: PairingFact) => fact.on >= from && fact.on <= to;

/**
 * The pairing feature's read door: what other features (assessment, #13) may ask of pairing communities.
 * Answers per unit and period, with the event ids and business dates behind every count. PairingModule
 * provides and exports it.
 */
@Injectable()
export class PairingFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly orgs: OrganizationsFacts,
  ) {}

  /** The pairings the unit takes part in, as helper or helped school, with their progress on `today`. */
  pairingsOf(
    unitId: string,
    today: string,
  ): { id: string; name: string; role: 'helper' | 'helped'; progress: PairingProgress }[] {
    return pairingIdsOf(this.db, [unitId]).flatMap((id) => {
      const row = getPairing(this.db, id, today);
      if (!row) return [];
      return [{ id, name: row.name, role: row.helperUnitId === unitId ? 'helper' : 'helped', progress: row.progress }];
    });
  }

  /** What each pairing the unit takes part in did from `from` to `to` (inclusive), counted with the facts behind. */
  countsFor(unitId: string, from: string, to: string): PairingCounts[] {
    return pairingIdsOf(this.db, [unitId]).flatMap((id) => {
      const row = getPairing(this.db, id, to);
      if (!row) return [];
      const log = activitiesIn(this.db, [unitId], from, to).filter((a) => a.pairingId === id);
      const of = (line: string, kinds?: string[]) =>
        log
          .filter((a) => a.line === line && (!kinds || kinds.includes(a.kind)))
          .map((a) => ({ eventId: a.eventId, on: a.on, what: a.kind }));
      const targets = targetFacts(this.db, { ...row, helpedUnitIds: row.helpedUnits.map((u) => u.id) });
      const inPeriod = within(from, to);
      const summaries = statement(
        this.db,
        `SELECT event_id AS eventId, year || '-11-30' AS "on", evidence_id AS what FROM pairing_summaries
         WHERE pairing_id = ? AND withdrawn = 0`,
      ).all(id) as PairingFact[];
      return [
        {
          pairingId: id,
          name: row.name,
          role: row.helperUnitId === unitId ? 'helper' : 'helped',
          teachingActivities: counted(of('teaching')),
          teachersTrained: counted(
            targets.teachers.map((t) => ({ eventId: t.eventId, on: t.on, what: t.name })).filter(inPeriod),
          ),
          supportPairsFormed: counted(of('support', ['pair-formed'])),
          supportGiven: counted(of('support', ['visit', 'counselling', 'tutoring'])),
          partyBuildingActivities: counted(of('party-building')),
          normsMet: counted(
            targets.normsMet.map((n) => ({ eventId: n.eventId, on: n.on, what: n.normKey })).filter(inPeriod),
          ),
          membersDeveloped: counted(
            targets.members.map((m) => ({ eventId: m.eventId, on: m.on, what: m.personId })).filter(inPeriod),
          ),
          yearEndSummaries: counted(summaries.filter(inPeriod)),
        },
      ];
    });
  }

  /**
   * Per organisation: the counts of every unit it covers (its own and those affiliated to it), for each
   * pairing one of them takes part in, with the unit they were counted for.
   */
  countsForOrg(orgId: string, from: string, to: string): (PairingCounts & { unitId: string })[] {
    return this.orgs
      .unitsCoveredBy([orgId])
      .flatMap((unitId) => this.countsFor(unitId, from, to).map((counts) => ({ ...counts, unitId })));
  }

  /** The activity log of the pairings any of the units take part in (all when null), dated within the period. */
  activities(unitIds: readonly string[] | null, from: string, to: string) {
    return activitiesIn(this.db, unitIds, from, to);
  }
}
