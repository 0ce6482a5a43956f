import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { AnyReminderEvent, DeliveryRequest, ReminderObligation } from '../reminders.events.js';
import { REMINDER_EVENT_TYPES } from '../reminders.events.js';

/**
 * The reminders' read models, all from this feature's own events: the inbox (one row per reminder to one
 * person: read or not, snoozed or not), the outside deliveries (pending, delivered, failed), and the
 * configuration (settings, each user's channels, robots, calendar years).
 */
const TABLES = [
  'reminder_inbox',
  'reminder_deliveries',
  'reminder_settings',
  'reminder_channels',
  'reminder_robots',
  'reminder_calendar',
];

const run = (db: ReadModelDb, sql: string, ...params: unknown[]) => statement(db, sql).run(...params);

const addDeliveries = (db: ReadModelDb, reminderId: string, deliveries: DeliveryRequest[], at: string) => {
  for (const d of deliveries)
    // A robot's message is shared by every recipient of the same reminder in its unit: one row, one send.
    run(
      db,
      `INSERT INTO reminder_deliveries (id, reminder_id, channel, target, status, attempts, error, retries, updated_at)
       VALUES (?, ?, ?, ?, 'pending', 0, NULL, 0, ?)
       ON CONFLICT (id) DO UPDATE SET status = 'pending', error = NULL, updated_at = excluded.updated_at
       WHERE reminder_deliveries.status <> 'delivered'`,
      d.deliveryId,
      reminderId,
      d.channel,
      d.target,
      at,
    );
};

const insertReminder = (
  db: ReadModelDb,
  kind: 'reminder' | 'escalation',
  data: ReminderObligation & {
    reminderId: string;
    recipientId: string;
    digest: boolean;
    deliveries: DeliveryRequest[];
  },
  offset: number | null,
  escalatedFrom: string | null,
  at: string,
) => {
  run(
    db,
    `INSERT OR REPLACE INTO reminder_inbox (id, recipient_id, kind, obligation_id, code, title_zh, title_en, subject_kind,
       subject_id, subject_name, unit_id, org_id, due_on, offset_days, escalated_from, digest, sent_at, last_sent_at,
       read_at, snoozed_until, snooze_reason, snoozed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)`,
    data.reminderId,
    data.recipientId,
    kind,
    data.obligationId,
    data.code,
    data.title.zh,
    data.title.en,
    data.subject.kind,
    data.subject.id,
    data.subject.name,
    data.unitId,
    data.orgId,
    data.dueOn,
    offset,
    escalatedFrom,
    data.digest ? 1 : 0,
    at,
    at,
  );
  addDeliveries(db, data.reminderId, data.deliveries, at);
};

export const remindersProjection: Projection = {
  name: 'reminder_inbox',
  version: 1,
  handles: REMINDER_EVENT_TYPES,
  tables: TABLES,
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS reminder_inbox (
        id TEXT PRIMARY KEY, recipient_id TEXT NOT NULL, kind TEXT NOT NULL, obligation_id TEXT NOT NULL, code TEXT NOT NULL,
        title_zh TEXT NOT NULL, title_en TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
        subject_name TEXT, unit_id TEXT, org_id TEXT, due_on TEXT, offset_days INTEGER, escalated_from TEXT,
        digest INTEGER NOT NULL, sent_at TEXT NOT NULL, last_sent_at TEXT NOT NULL, read_at TEXT, snoozed_until TEXT,
        snooze_reason TEXT, snoozed_at TEXT);
      CREATE INDEX IF NOT EXISTS reminder_inbox_recipient ON reminder_inbox (recipient_id, read_at);
      CREATE INDEX IF NOT EXISTS reminder_inbox_obligation ON reminder_inbox (obligation_id);
      CREATE TABLE IF NOT EXISTS reminder_deliveries (
        id TEXT PRIMARY KEY, reminder_id TEXT NOT NULL, channel TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL,
        attempts INTEGER NOT NULL, error TEXT, retries INTEGER NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS reminder_deliveries_status ON reminder_deliveries (status);
      CREATE INDEX IF NOT EXISTS reminder_deliveries_reminder ON reminder_deliveries (reminder_id, channel);
      CREATE TABLE IF NOT EXISTS reminder_settings (id INTEGER PRIMARY KEY CHECK (id = 1), settings TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS reminder_channels (
        user_id TEXT PRIMARY KEY, channels TEXT NOT NULL, email TEXT, digest INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS reminder_robots (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL, secret TEXT, unit_id TEXT,
        updated_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS reminder_robots_unit ON reminder_robots (unit_id, id);
      CREATE TABLE IF NOT EXISTS reminder_calendar (
        year INTEGER PRIMARY KEY, holidays TEXT NOT NULL, make_up_workdays TEXT NOT NULL);`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as AnyReminderEvent;
    const at = recorded.metadata.recordedAt;
    switch (event.type) {
      case 'ReminderSent':
        return insertReminder(db, 'reminder', event.data, event.data.offset, null, at);
      case 'ReminderEscalated':
        return insertReminder(db, 'escalation', event.data, null, event.data.escalatedFrom, at);
      case 'ReminderRead':
        return void run(
          db,
          'UPDATE reminder_inbox SET read_at = ? WHERE id = ?',
          event.data.readAt,
          event.data.reminderId,
        );
      case 'ReminderSnoozed':
        return void run(
          db,
          'UPDATE reminder_inbox SET snoozed_until = ?, snooze_reason = ?, snoozed_at = ? WHERE id = ?',
          event.data.until,
          event.data.reason,
          at,
          event.data.reminderId,
        );
      case 'ReminderResent':
        run(
          db,
          'UPDATE reminder_inbox SET last_sent_at = ?, read_at = NULL, snoozed_until = NULL WHERE id = ?',
          at,
          event.data.reminderId,
        );
        return addDeliveries(db, event.data.reminderId, event.data.deliveries, at);
      case 'ReminderDelivered':
        return void run(
          db,
          `UPDATE reminder_deliveries SET status = 'delivered', attempts = ?, error = NULL, updated_at = ? WHERE id = ?`,
          event.data.attempt,
          at,
          event.data.deliveryId,
        );
      case 'ReminderDeliveryFailed':
        return void run(
          db,
          `UPDATE reminder_deliveries SET status = 'failed', attempts = ?, error = ?, updated_at = ? WHERE id = ?`,
          event.data.attempts,
          event.data.error,
          at,
          event.data.deliveryId,
        );
      case 'ReminderDeliveryRetried':
        return void run(
          db,
          `UPDATE reminder_deliveries SET status = 'pending', retries = ?, updated_at = ? WHERE id = ?`,
          event.data.retry,
          at,
          event.data.deliveryId,
        );
      case 'ReminderSettingsChanged':
        return void run(db, 'INSERT OR REPLACE INTO reminder_settings VALUES (1, ?)', JSON.stringify(event.data));
      case 'ReminderChannelsChosen':
        return void run(
          db,
          'INSERT OR REPLACE INTO reminder_channels VALUES (?, ?, ?, ?)',
          event.data.userId,
          JSON.stringify(event.data.channels),
          event.data.email,
          event.data.digest ? 1 : 0,
        );
      case 'ReminderRobotConfigured': {
        const { robotId, name, kind, url, secret, unitId } = event.data;
        return void run(
          db,
          'INSERT OR REPLACE INTO reminder_robots VALUES (?, ?, ?, ?, ?, ?, ?)',
          robotId,
          name,
          kind,
          url,
          secret,
          unitId,
          at,
        );
      }
      case 'ReminderRobotRemoved':
        return void run(db, 'DELETE FROM reminder_robots WHERE id = ?', event.data.robotId);
      case 'WorkingCalendarYearSet':
        return void run(
          db,
          'INSERT OR REPLACE INTO reminder_calendar VALUES (?, ?, ?)',
          event.data.year,
          JSON.stringify(event.data.holidays),
          JSON.stringify(event.data.makeUpWorkdays),
        );
    }
  },
};
