import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';

/** One reminder as another feature may count it (assessment deducting for escalations, the audit). */
export interface ReminderFact {
  reminderId: string;
  kind: 'reminder' | 'escalation';
  obligationId: string;
  code: string;
  dueOn: string | null;
  sentAt: string;
  readAt: string | null;
  snoozedUntil: string | null;
  snoozeReason: string | null;
}

/**
 * The reminders' read door: what was sent to a unit's people (ReminderSent) and what was escalated to the
 * bureau office (ReminderEscalated) in a period of record time. Also readable straight from the events, whose
 * metadata.unitIds names the unit.
 */
@Injectable()
export class RemindersFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Reminders and escalations about the unit's obligations recorded in [fromIso, toIso). */
  forUnit(unitId: string, fromIso: string, toIso: string): ReminderFact[] {
    return statement(
      this.db,
      `SELECT id AS reminderId, kind, obligation_id AS obligationId, code, due_on AS dueOn, sent_at AS sentAt,
         read_at AS readAt, snoozed_until AS snoozedUntil, snooze_reason AS snoozeReason
       FROM reminder_inbox WHERE unit_id = ? AND sent_at >= ? AND sent_at < ? ORDER BY sent_at, id`,
    ).all(unitId, fromIso, toIso) as ReminderFact[];
  }

  /** The obligations escalated to the bureau office, each once, for the unit. */
  escalatedObligations(unitId: string): string[] {
    return (
      statement(
        this.db,
        `SELECT DISTINCT obligation_id AS id FROM reminder_inbox WHERE unit_id = ? AND kind = 'escalation' ORDER BY id`,
      ).all(unitId) as { id: string }[]
    ).map((r) => r.id);
  }
}
