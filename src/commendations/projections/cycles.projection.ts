import { statement, type Projection } from '../../core/projections/projection.js';
import type { CommendationEvent } from '../commendations.events.js';

/** Cycles and their nominations, as the cycle board and the obligations (D5, D6) read them. */
export const commendationCyclesProjection: Projection = {
  name: 'commendation_cycles',
  version: 1,
  handles: [
    'CommendationCycleOpened',
    'NomineeNominated',
    'NominationVetoed',
    'CommendationPublicityStarted',
    'CommendationsDecided',
    'CommendationAwarded',
    'CommendationRevoked',
  ],
  tables: ['commendation_cycles', 'commendation_nominations'],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS commendation_cycles (
        id TEXT PRIMARY KEY, year INTEGER NOT NULL, name TEXT NOT NULL, quotas TEXT NOT NULL,
        nominations_due_on TEXT NOT NULL, decision_due_on TEXT NOT NULL, publicity_working_days INTEGER NOT NULL,
        opened_on TEXT NOT NULL, publicity_from TEXT, publicity_to TEXT, decided_on TEXT, deciding_body TEXT,
        document_number TEXT, revision INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS commendation_nominations (
        id TEXT PRIMARY KEY, cycle_id TEXT NOT NULL, title TEXT NOT NULL, nominee_id TEXT NOT NULL,
        nominee_name TEXT NOT NULL, org_id TEXT NOT NULL, unit_id TEXT, nominated_on TEXT NOT NULL, merits TEXT NOT NULL,
        status TEXT NOT NULL, veto_on TEXT, veto_reasons TEXT, awarded_on TEXT, revoked_on TEXT, revoke_reason TEXT,
        event_id TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS commendation_nominations_cycle ON commendation_nominations (cycle_id);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as CommendationEvent;
    const touch = (id: string) =>
      statement(db, 'UPDATE commendation_cycles SET revision = ?, updated_at = ? WHERE id = ?').run(
        recorded.revision,
        recorded.metadata.recordedAt,
        id,
      );
    const status = (id: string, value: string) =>
      statement(db, 'UPDATE commendation_nominations SET status = ? WHERE id = ?').run(value, id);
    switch (event.type) {
      case 'CommendationCycleOpened': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO commendation_cycles VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?)`,
        ).run(
          ...[d.cycleId, d.year, d.name, JSON.stringify(d.quotas), d.nominationsDueOn, d.decisionDueOn],
          ...[d.publicityWorkingDays, d.openedOn, recorded.revision, recorded.metadata.recordedAt],
        );
        return;
      }
      case 'NomineeNominated': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO commendation_nominations VALUES
           (?, ?, ?, ?, ?, ?, ?, ?, ?, 'nominated', NULL, NULL, NULL, NULL, NULL, ?)`,
        ).run(
          ...[d.nominationId, d.cycleId, d.title, d.nomineeId, d.nomineeName, d.orgId, d.unitId, d.nominatedOn],
          ...[d.merits, recorded.id],
        );
        return touch(d.cycleId);
      }
      case 'NominationVetoed':
        statement(
          db,
          `UPDATE commendation_nominations SET status = 'vetoed', veto_on = ?, veto_reasons = ? WHERE id = ?`,
        ).run(event.data.on, JSON.stringify(event.data.reasons), event.data.nominationId);
        return touch(event.data.cycleId);
      case 'CommendationPublicityStarted':
        statement(db, 'UPDATE commendation_cycles SET publicity_from = ?, publicity_to = ? WHERE id = ?').run(
          event.data.from,
          event.data.to,
          event.data.cycleId,
        );
        return touch(event.data.cycleId);
      case 'CommendationsDecided':
        statement(
          db,
          'UPDATE commendation_cycles SET decided_on = ?, deciding_body = ?, document_number = ? WHERE id = ?',
        ).run(event.data.decidedOn, event.data.decidingBody, event.data.documentNumber, event.data.cycleId);
        statement(
          db,
          `UPDATE commendation_nominations SET status = 'not_awarded' WHERE cycle_id = ? AND status = 'nominated'`,
        ).run(event.data.cycleId);
        return touch(event.data.cycleId);
      case 'CommendationAwarded':
        status(event.data.nominationId, 'awarded');
        statement(db, 'UPDATE commendation_nominations SET awarded_on = ? WHERE id = ?').run(
          event.data.awardedOn,
          event.data.nominationId,
        );
        return;
      case 'CommendationRevoked':
        statement(
          db,
          `UPDATE commendation_nominations SET status = 'revoked', revoked_on = ?, revoke_reason = ? WHERE id = ?`,
        ).run(event.data.revokedOn, event.data.reason, event.data.nominationId);
        return touch(event.data.cycleId);
    }
  },
};
