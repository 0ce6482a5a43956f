import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';

/** A criticism notice as another feature (the assessment, the audit) cites it against a unit. */
export interface CriticismFact {
  noticeId: string;
  documentNumber: string;
  title: string;
  reason: string;
  issuedOn: string;
  /** The CriticismNoticeIssued event: what a deduction is traced to. */
  eventId: string;
  status: string;
  rectifyBy: string;
  rectification: { status: 'owed' | 'reported' | 'sent_back'; reportedOn: string | null; eventId: string | null };
  closedOn: string | null;
}

/** A notice circulated to a unit, and whether (and when, by which event) it acknowledged. */
export interface CirculationFact {
  noticeId: string;
  documentNumber: string | null;
  circulatedOn: string;
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  acknowledgementEventId: string | null;
  urged: number;
}

/**
 * The notices feature's read door: the criticism notices issued against a unit (with dates and the event
 * ids behind them), and the notices circulated to it with its read receipts. NoticesModule provides and
 * exports it.
 */
@Injectable()
export class NoticesFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Notices issued against `unitId` with issue dates from `from` to `to` inclusive (either open), oldest first. */
  criticismsOf(unitId: string, period: { from?: string; to?: string } = {}): CriticismFact[] {
    const rows = statement(
      this.db,
      `SELECT n.id AS noticeId, n.document_number AS documentNumber, n.title, n.reason, n.issued_on AS issuedOn,
         n.issue_event_id AS eventId, n.status, n.rectify_by AS rectifyBy, n.closed_on AS closedOn,
         x.status AS rStatus, x.reported_on AS rReportedOn, x.event_id AS rEventId
       FROM notices_rectifications x JOIN notices n ON n.id = x.notice_id
       WHERE x.unit_id = ? AND n.issued_on >= ? AND n.issued_on <= ?
       ORDER BY n.issued_on, n.id`,
    ).all(unitId, period.from ?? '0000-01-01', period.to ?? '9999-12-31') as (Omit<CriticismFact, 'rectification'> & {
      rStatus: CriticismFact['rectification']['status'];
      rReportedOn: string | null;
      rEventId: string | null;
    })[];
    return rows.map(({ rStatus, rReportedOn, rEventId, ...fact }) => ({
      ...fact,
      rectification: { status: rStatus, reportedOn: rReportedOn, eventId: rEventId },
    }));
  }

  /** Notices circulated to `unitId`, newest first, with its read receipt. */
  circulatedTo(unitId: string): CirculationFact[] {
    return statement(
      this.db,
      `SELECT n.id AS noticeId, n.document_number AS documentNumber, n.circulated_on AS circulatedOn,
         n.acknowledge_by AS acknowledgeBy, r.acknowledged_on AS acknowledgedOn, r.event_id AS acknowledgementEventId,
         r.urged
       FROM notices_recipients r JOIN notices n ON n.id = r.notice_id WHERE r.unit_id = ?
       ORDER BY n.circulated_on DESC, n.id`,
    ).all(unitId) as CirculationFact[];
  }
}
