import { statement, type Projection } from '../../core/projections/projection.js';
import type { DisciplineEvent } from '../discipline.events.js';

/**
 * Discipline cases and their decisions, one table per kind of record: what the case pages, the eligibility
 * door and the obligations (E1–E8) read. Sanctions keep their period as decided (and as extended), the
 * conclusion of a 留党察看 and the day a revocation on appeal took effect.
 */
export const disciplineCasesProjection: Projection = {
  name: 'discipline_cases',
  version: 1,
  handles: [
    'DisciplineCaseOpened',
    'SanctionImposed',
    'PartyProbationExtended',
    'PartyProbationConcluded',
    'ProbationaryMeasureTaken',
    'TeacherEthicsViolationConfirmed',
    'CommendationDisqualified',
    'SanctionAppealed',
    'AppealDecided',
    'DisciplineCaseClosed',
  ],
  tables: [
    'discipline_cases',
    'discipline_sanctions',
    'discipline_measures',
    'discipline_disqualifications',
    'discipline_appeals',
  ],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS discipline_cases (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, person_id TEXT NOT NULL, member_id TEXT, name TEXT NOT NULL,
        category TEXT NOT NULL, unit_id TEXT NOT NULL, org_id TEXT, manager INTEGER NOT NULL, opened_on TEXT NOT NULL,
        summary TEXT NOT NULL, violation_confirmed_on TEXT, findings TEXT, closed_on TEXT, conclusion TEXT,
        revision INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS discipline_sanctions (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, person_id TEXT NOT NULL, member_id TEXT, unit_id TEXT NOT NULL,
        org_id TEXT, track TEXT NOT NULL, measure TEXT NOT NULL, decided_on TEXT NOT NULL, deciding_body TEXT NOT NULL,
        document_number TEXT NOT NULL, period_table TEXT NOT NULL, months INTEGER, last_day TEXT, free_from TEXT,
        extended_on TEXT, concluded TEXT, concluded_on TEXT, restriction_last_day TEXT, revoked_on TEXT,
        event_id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS discipline_sanctions_person ON discipline_sanctions (person_id);
      CREATE INDEX IF NOT EXISTS discipline_sanctions_case ON discipline_sanctions (case_id);
      CREATE TABLE IF NOT EXISTS discipline_measures (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, person_id TEXT NOT NULL, measure TEXT NOT NULL,
        decided_on TEXT NOT NULL, deciding_body TEXT NOT NULL, document_number TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS discipline_disqualifications (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, person_id TEXT NOT NULL, unit_id TEXT NOT NULL, months INTEGER NOT NULL,
        decided_on TEXT NOT NULL, last_day TEXT NOT NULL, free_from TEXT NOT NULL, deciding_body TEXT NOT NULL,
        document_number TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS discipline_disqualifications_person ON discipline_disqualifications (person_id);
      CREATE TABLE IF NOT EXISTS discipline_appeals (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL, sanction_id TEXT NOT NULL, filed_on TEXT NOT NULL,
        grounds TEXT NOT NULL, outcome TEXT, decided_on TEXT, deciding_body TEXT, document_number TEXT);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as DisciplineEvent;
    const touch = (caseId: string) =>
      statement(db, 'UPDATE discipline_cases SET revision = ?, updated_at = ? WHERE id = ?').run(
        recorded.revision,
        recorded.metadata.recordedAt,
        caseId,
      );
    switch (event.type) {
      case 'DisciplineCaseOpened': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO discipline_cases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?)`,
        ).run(
          ...[d.caseId, d.kind, d.personId, d.memberId, d.name, d.category, d.unitId, d.orgId, d.manager ? 1 : 0],
          ...[d.openedOn, d.summary, recorded.revision, recorded.metadata.recordedAt],
        );
        return;
      }
      case 'SanctionImposed': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO discipline_sanctions VALUES
           (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?)`,
        ).run(
          ...[d.sanctionId, d.caseId, d.personId, d.memberId, d.unitId, d.orgId, d.track, d.measure, d.decidedOn],
          ...[d.decidingBody, d.documentNumber, d.periodTable, d.months, d.lastDay, d.freeFrom, recorded.id],
        );
        return touch(d.caseId);
      }
      case 'PartyProbationExtended':
        statement(db, 'UPDATE discipline_sanctions SET last_day = ?, free_from = ?, extended_on = ? WHERE id = ?').run(
          event.data.lastDay,
          event.data.freeFrom,
          event.data.decidedOn,
          event.data.sanctionId,
        );
        return touch(event.data.caseId);
      case 'PartyProbationConcluded':
        statement(
          db,
          'UPDATE discipline_sanctions SET concluded = ?, concluded_on = ?, restriction_last_day = ? WHERE id = ?',
        ).run(event.data.outcome, event.data.decidedOn, event.data.restrictionLastDay, event.data.sanctionId);
        return touch(event.data.caseId);
      case 'ProbationaryMeasureTaken': {
        const d = event.data;
        statement(db, 'INSERT OR REPLACE INTO discipline_measures VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          ...[d.measureId, d.caseId, d.personId, d.measure, d.decidedOn, d.decidingBody, d.documentNumber],
        );
        return touch(d.caseId);
      }
      case 'TeacherEthicsViolationConfirmed':
        statement(db, 'UPDATE discipline_cases SET violation_confirmed_on = ?, findings = ? WHERE id = ?').run(
          event.data.decidedOn,
          event.data.findings,
          event.data.caseId,
        );
        return touch(event.data.caseId);
      case 'CommendationDisqualified': {
        const d = event.data;
        statement(db, 'INSERT OR REPLACE INTO discipline_disqualifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          ...[d.disqualificationId, d.caseId, d.personId, d.unitId, d.months, d.decidedOn, d.lastDay, d.freeFrom],
          ...[d.decidingBody, d.documentNumber],
        );
        return touch(d.caseId);
      }
      case 'SanctionAppealed': {
        const d = event.data;
        statement(db, 'INSERT OR REPLACE INTO discipline_appeals VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)').run(
          d.appealId,
          d.caseId,
          d.sanctionId,
          d.filedOn,
          d.grounds,
        );
        return touch(d.caseId);
      }
      case 'AppealDecided': {
        const d = event.data;
        statement(
          db,
          'UPDATE discipline_appeals SET outcome = ?, decided_on = ?, deciding_body = ?, document_number = ? WHERE id = ?',
        ).run(d.outcome, d.decidedOn, d.decidingBody, d.documentNumber, d.appealId);
        if (d.outcome === 'revoked')
          statement(db, 'UPDATE discipline_sanctions SET revoked_on = ? WHERE id = ?').run(d.decidedOn, d.sanctionId);
        return touch(d.caseId);
      }
      case 'DisciplineCaseClosed':
        statement(db, 'UPDATE discipline_cases SET closed_on = ?, conclusion = ? WHERE id = ?').run(
          event.data.closedOn,
          event.data.conclusion,
          event.data.caseId,
        );
        return touch(event.data.caseId);
    }
  },
};
