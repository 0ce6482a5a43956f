import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import type { NoticeEvent, NoticeSettingsChanged } from '../notices.events.js';
import { NOTICE_EVENT_TYPES } from '../notices.events.js';

/**
 * Criticism notices as the lists, the secretaries' "待阅通报", the acknowledgement progress, the obligations
 * (N1, N2) and the read door need them: one row per notice, per recipient unit, per criticised unit's
 * rectification, and each notice's timeline; plus the bureau's current settings.
 */
export const noticesProjection: Projection = {
  name: 'notices',
  version: 1,
  // A number's claim is on the number's own stream, not the notice's: the notice's issue event carries the number.
  handles: NOTICE_EVENT_TYPES.filter((type) => type !== 'NoticeNumberClaimed'),
  tables: ['notices', 'notices_recipients', 'notices_rectifications', 'notices_log', 'notices_settings'],
  init: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notices (
        id TEXT PRIMARY KEY, status TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL, body TEXT,
        unit_ids TEXT NOT NULL, facts TEXT NOT NULL, drafted_by TEXT NOT NULL, drafted_on TEXT NOT NULL,
        returned_reason TEXT, approved_by TEXT, approved_on TEXT, document_number TEXT, issued_on TEXT,
        rectify_by TEXT, issue_event_id TEXT, circulated_on TEXT, acknowledge_by TEXT, next_urge_on TEXT,
        urged_rounds INTEGER NOT NULL DEFAULT 0, closed_on TEXT, close_comment TEXT,
        revision INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notices_recipients (
        notice_id TEXT NOT NULL, unit_id TEXT NOT NULL, acknowledged_on TEXT, acknowledged_by TEXT, event_id TEXT,
        urged INTEGER NOT NULL DEFAULT 0, last_urged_on TEXT, PRIMARY KEY (notice_id, unit_id));
      CREATE TABLE IF NOT EXISTS notices_rectifications (
        notice_id TEXT NOT NULL, unit_id TEXT NOT NULL, status TEXT NOT NULL, report TEXT, evidence_ids TEXT,
        reported_on TEXT, event_id TEXT, sent_back_reason TEXT, PRIMARY KEY (notice_id, unit_id));
      CREATE TABLE IF NOT EXISTS notices_log (
        event_id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, type TEXT NOT NULL, revision INTEGER NOT NULL,
        occurred_at TEXT NOT NULL, actor_id TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notices_settings (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL,
        revision INTEGER NOT NULL);`);
  },
  indexes: [
    'CREATE INDEX IF NOT EXISTS notices_document_number ON notices (document_number)',
    'CREATE INDEX IF NOT EXISTS notices_recipients_unit ON notices_recipients (unit_id, acknowledged_on)',
    'CREATE INDEX IF NOT EXISTS notices_rectifications_unit ON notices_rectifications (unit_id)',
    'CREATE INDEX IF NOT EXISTS notices_log_notice ON notices_log (notice_id, revision)',
  ],
  evolve: (db, recorded) => {
    const event = recorded as unknown as NoticeEvent | NoticeSettingsChanged;
    if (event.type === 'NoticeSettingsChanged') {
      statement(db, 'INSERT OR REPLACE INTO notices_settings VALUES (1, ?, ?)').run(
        JSON.stringify(event.data),
        recorded.revision,
      );
      return;
    }
    const id = event.data.noticeId;
    const at = recorded.metadata.recordedAt;
    const on = shanghaiDate(recorded.metadata.occurredAt);
    const set = (columns: string, ...values: unknown[]) =>
      statement(db, `UPDATE notices SET ${columns}, revision = ?, updated_at = ? WHERE id = ?`).run(
        ...values,
        recorded.revision,
        at,
        id,
      );
    statement(db, 'INSERT OR REPLACE INTO notices_log VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      recorded.id,
      id,
      event.type,
      recorded.revision,
      recorded.metadata.occurredAt,
      recorded.metadata.actorId,
      JSON.stringify(event.data),
    );
    switch (event.type) {
      case 'NoticeDrafted': {
        const d = event.data;
        statement(
          db,
          `INSERT OR REPLACE INTO notices (id, status, title, reason, body, unit_ids, facts, drafted_by, drafted_on,
             revision, updated_at) VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          d.title,
          d.reason,
          d.body,
          JSON.stringify(d.unitIds),
          JSON.stringify(d.facts),
          d.draftedBy,
          on,
          recorded.revision,
          at,
        );
        return;
      }
      case 'NoticeEdited': {
        const d = event.data;
        set(
          'title = ?, reason = ?, body = ?, unit_ids = ?, facts = ?',
          d.title,
          d.reason,
          d.body,
          JSON.stringify(d.unitIds),
          JSON.stringify(d.facts),
        );
        return;
      }
      case 'NoticeSubmitted':
        set("status = 'submitted', returned_reason = NULL");
        return;
      case 'NoticeReturned':
        set("status = 'draft', returned_reason = ?", event.data.reason);
        return;
      case 'NoticeApproved':
        set("status = 'approved', approved_by = ?, approved_on = ?", event.data.approvedBy, on);
        return;
      case 'CriticismNoticeIssued': {
        const d = event.data;
        set(
          "status = 'issued', document_number = ?, issued_on = ?, rectify_by = ?, issue_event_id = ?",
          d.documentNumber,
          d.issuedOn,
          d.rectifyBy,
          recorded.id,
        );
        const owe = statement(
          db,
          "INSERT OR REPLACE INTO notices_rectifications (notice_id, unit_id, status) VALUES (?, ?, 'owed')",
        );
        for (const unitId of d.unitIds) owe.run(id, unitId);
        return;
      }
      case 'NoticeCirculated': {
        const d = event.data;
        set(
          "status = 'circulated', circulated_on = ?, acknowledge_by = ?, next_urge_on = ?",
          d.circulatedOn,
          d.acknowledgeBy,
          d.urgeOn,
        );
        const add = statement(db, 'INSERT OR IGNORE INTO notices_recipients (notice_id, unit_id) VALUES (?, ?)');
        for (const unitId of d.unitIds) add.run(id, unitId);
        return;
      }
      case 'NoticeAcknowledged':
        statement(
          db,
          'UPDATE notices_recipients SET acknowledged_on = ?, acknowledged_by = ?, event_id = ? WHERE notice_id = ? AND unit_id = ?',
        ).run(event.data.acknowledgedOn, event.data.acknowledgedBy, recorded.id, id, event.data.unitId);
        set('status = status');
        return;
      case 'NoticeUrged': {
        set('urged_rounds = ?, next_urge_on = ?', event.data.round, event.data.nextUrgeOn);
        const urge = statement(
          db,
          'UPDATE notices_recipients SET urged = urged + 1, last_urged_on = ? WHERE notice_id = ? AND unit_id = ?',
        );
        for (const unitId of event.data.unitIds) urge.run(event.data.urgedOn, id, unitId);
        return;
      }
      case 'RectificationReported': {
        const d = event.data;
        statement(
          db,
          `UPDATE notices_rectifications SET status = 'reported', report = ?, evidence_ids = ?, reported_on = ?,
             event_id = ?, sent_back_reason = NULL WHERE notice_id = ? AND unit_id = ?`,
        ).run(d.report, JSON.stringify(d.evidenceIds), d.reportedOn, recorded.id, id, d.unitId);
        set('status = status');
        return;
      }
      case 'RectificationSentBack':
        statement(
          db,
          "UPDATE notices_rectifications SET status = 'sent_back', sent_back_reason = ? WHERE notice_id = ? AND unit_id = ?",
        ).run(event.data.reason, id, event.data.unitId);
        set('status = status');
        return;
      case 'NoticeClosed':
        set(
          "status = 'closed', closed_on = ?, close_comment = ?, next_urge_on = NULL",
          event.data.closedOn,
          event.data.comment,
        );
        return;
    }
  },
};

/** The notice holding a document number, or null. */
export const noticeWithNumber = (db: ReadModelDb, documentNumber: string): string | null =>
  (statement(db, 'SELECT id FROM notices WHERE document_number = ?').get(documentNumber) as { id: string } | undefined)
    ?.id ?? null;
