import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { CalendarYear } from '../../core/time/china-holidays.js';
import type { Channel, ReminderSettings, RobotKind } from '../reminders.events.js';
import { DEFAULT_SETTINGS } from '../schedule.js';

export interface ReminderRow {
  id: string;
  recipientId: string;
  kind: 'reminder' | 'escalation';
  obligationId: string;
  code: string;
  title: { zh: string; en: string };
  subject: { kind: string; id: string; name: string | null };
  unitId: string | null;
  orgId: string | null;
  dueOn: string | null;
  offset: number | null;
  escalatedFrom: string | null;
  digest: boolean;
  sentAt: string;
  lastSentAt: string;
  readAt: string | null;
  snoozedUntil: string | null;
  snoozeReason: string | null;
  /** unread, read or snoozed */
  status: 'unread' | 'read' | 'snoozed';
  channels: string[];
}

interface RawReminder {
  id: string;
  recipientId: string;
  kind: 'reminder' | 'escalation';
  obligationId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string | null;
  unitId: string | null;
  orgId: string | null;
  dueOn: string | null;
  offset: number | null;
  escalatedFrom: string | null;
  digest: number;
  sentAt: string;
  lastSentAt: string;
  readAt: string | null;
  snoozedUntil: string | null;
  snoozeReason: string | null;
  status: ReminderRow['status'];
  channels: string;
}

const STATUS = `CASE WHEN r.snoozed_until IS NOT NULL THEN 'snoozed' WHEN r.read_at IS NULL THEN 'unread' ELSE 'read' END`;
const CHANNELS_OF = `(SELECT json_group_array(DISTINCT d.channel) FROM reminder_deliveries d WHERE d.reminder_id = r.id)`;

const REMINDER_COLUMNS = `r.id, r.recipient_id AS recipientId, r.kind, r.obligation_id AS obligationId, r.code,
  r.title_zh AS titleZh, r.title_en AS titleEn, r.subject_kind AS subjectKind, r.subject_id AS subjectId,
  r.subject_name AS subjectName, r.unit_id AS unitId, r.org_id AS orgId, r.due_on AS dueOn, r.offset_days AS offset,
  r.escalated_from AS escalatedFrom, r.digest, r.sent_at AS sentAt, r.last_sent_at AS lastSentAt, r.read_at AS readAt,
  r.snoozed_until AS snoozedUntil, r.snooze_reason AS snoozeReason, ${STATUS} AS status, ${CHANNELS_OF} AS channels`;

const toReminder = (r: RawReminder): ReminderRow => ({
  id: r.id,
  recipientId: r.recipientId,
  kind: r.kind,
  obligationId: r.obligationId,
  code: r.code,
  title: { zh: r.titleZh, en: r.titleEn },
  subject: { kind: r.subjectKind, id: r.subjectId, name: r.subjectName },
  unitId: r.unitId,
  orgId: r.orgId,
  dueOn: r.dueOn,
  offset: r.offset,
  escalatedFrom: r.escalatedFrom,
  digest: r.digest === 1,
  sentAt: r.sentAt,
  lastSentAt: r.lastSentAt,
  readAt: r.readAt,
  snoozedUntil: r.snoozedUntil,
  snoozeReason: r.snoozeReason,
  status: r.status,
  channels: ['inbox', ...(JSON.parse(r.channels) as string[])],
});

/** The inbox and the bureau's reminder log: newest first, filtered by unit, code, channel, status, recipient. */
export const reminderList: ListSpec = {
  id: 'r.id',
  sortable: { sentAt: 'r.last_sent_at', dueOn: 'r.due_on', code: 'r.code' },
  defaultSort: ['sentAt', 'DESC'],
  filters: {
    id: filters.oneOf('r.id'),
    unitId: filters.oneOf('r.unit_id'),
    code: filters.oneOf('r.code'),
    kind: filters.oneOf('r.kind'),
    recipientId: filters.oneOf('r.recipient_id'),
    obligationId: filters.oneOf('r.obligation_id'),
    status: (value) => ({ sql: `${STATUS} = ?`, params: [String(value)] }),
    channel: (value) =>
      String(value) === 'inbox'
        ? { sql: '1 = 1', params: [] }
        : {
            sql: 'EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.reminder_id = r.id AND d.channel = ?)',
            params: [String(value)],
          },
  },
};

export const listReminders = (db: ReadModelDb, query: ListQuery) =>
  listPage<ReminderRow, RawReminder>(
    db,
    { columns: REMINDER_COLUMNS, from: 'reminder_inbox r', tieBreak: 'r.id' },
    query,
    toReminder,
  );

export const getReminder = (db: ReadModelDb, id: string): ReminderRow | undefined => {
  const raw = statement(db, `SELECT ${REMINDER_COLUMNS} FROM reminder_inbox r WHERE r.id = ?`).get(id) as
    RawReminder | undefined;
  return raw && toReminder(raw);
};

export const unreadCount = (db: ReadModelDb, userId: string): number =>
  (
    statement(
      db,
      'SELECT count(*) AS n FROM reminder_inbox WHERE recipient_id = ? AND read_at IS NULL AND snoozed_until IS NULL',
    ).get(userId) as { n: number }
  ).n;

export interface DeliveryRow {
  id: string;
  reminderId: string;
  channel: 'email' | 'robot';
  target: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  error: string | null;
  retries: number;
  updatedAt: string;
  code: string | null;
  unitId: string | null;
  titleZh: string | null;
  titleEn: string | null;
}

const DELIVERY_COLUMNS = `d.id, d.reminder_id AS reminderId, d.channel, d.target, d.status, d.attempts, d.error, d.retries,
  d.updated_at AS updatedAt, r.code, r.unit_id AS unitId, r.title_zh AS titleZh, r.title_en AS titleEn`;
const DELIVERY_FROM = 'reminder_deliveries d LEFT JOIN reminder_inbox r ON r.id = d.reminder_id';

export const deliveryList: ListSpec = {
  id: 'd.id',
  sortable: { updatedAt: 'd.updated_at', status: 'd.status' },
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    id: filters.oneOf('d.id'),
    status: filters.oneOf('d.status'),
    channel: filters.oneOf('d.channel'),
    unitId: filters.oneOf('r.unit_id'),
    code: filters.oneOf('r.code'),
  },
};

export const listDeliveries = (db: ReadModelDb, query: ListQuery) =>
  listPage<DeliveryRow>(db, { columns: DELIVERY_COLUMNS, from: DELIVERY_FROM, tieBreak: 'd.id' }, query);

export const getDelivery = (db: ReadModelDb, id: string): DeliveryRow | undefined =>
  statement(db, `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERY_FROM} WHERE d.id = ?`).get(id) as DeliveryRow | undefined;

export const currentSettings = (db: ReadModelDb): ReminderSettings => {
  const row = statement(db, 'SELECT settings FROM reminder_settings WHERE id = 1').get() as
    { settings: string } | undefined;
  return row ? (JSON.parse(row.settings) as ReminderSettings) : DEFAULT_SETTINGS;
};

export interface ChannelsRow {
  userId: string;
  channels: Channel[];
  email: string | null;
  digest: boolean;
}

export const channelsOf = (db: ReadModelDb, userId: string): ChannelsRow => {
  const row = statement(db, 'SELECT channels, email, digest FROM reminder_channels WHERE user_id = ?').get(userId) as
    { channels: string; email: string | null; digest: number } | undefined;
  return row
    ? { userId, channels: JSON.parse(row.channels), email: row.email, digest: row.digest === 1 }
    : { userId, channels: ['inbox'], email: null, digest: false };
};

export const digestUsers = (db: ReadModelDb): ChannelsRow[] =>
  (
    statement(
      db,
      'SELECT user_id AS userId, channels, email FROM reminder_channels WHERE digest = 1 AND email IS NOT NULL',
    ).all() as {
      userId: string;
      channels: string;
      email: string;
    }[]
  ).map((r) => ({ userId: r.userId, channels: JSON.parse(r.channels), email: r.email, digest: true }));

export interface RobotRow {
  id: string;
  name: string;
  kind: RobotKind;
  url: string;
  secret: string | null;
  unitId: string | null;
  updatedAt: string;
}

const ROBOT_COLUMNS = 'id, name, kind, url, secret, unit_id AS unitId, updated_at AS updatedAt';

export const robotList: ListSpec = {
  id: 'id',
  sortable: { name: 'name', kind: 'kind', updatedAt: 'updated_at' },
  defaultSort: ['name', 'ASC'],
  filters: { id: filters.oneOf('id'), kind: filters.oneOf('kind'), unitId: filters.oneOf('unit_id') },
};

/** A page of robots, as the admin lists them (without their secrets). */
export const listRobotPage = (db: ReadModelDb, query: ListQuery) => {
  const { rows, total } = listPage<RobotRow>(
    db,
    { columns: ROBOT_COLUMNS, from: 'reminder_robots', tieBreak: 'id' },
    query,
  );
  return { rows: rows.map(publicRobot), total };
};

/** Robots with their secrets: for delivery only. Lists show {@link publicRobot}. */
export const listRobots = (db: ReadModelDb): RobotRow[] =>
  statement(db, `SELECT ${ROBOT_COLUMNS} FROM reminder_robots ORDER BY name, id`).all() as RobotRow[];
export const getRobot = (db: ReadModelDb, id: string): RobotRow | undefined =>
  statement(db, `SELECT ${ROBOT_COLUMNS} FROM reminder_robots WHERE id = ?`).get(id) as RobotRow | undefined;
/** The robots of a unit, or the bureau office's (unitId null). */
export const robotsFor = (db: ReadModelDb, unitId: string | null): RobotRow[] =>
  statement(db, `SELECT ${ROBOT_COLUMNS} FROM reminder_robots WHERE unit_id IS ? ORDER BY id`).all(
    unitId,
  ) as RobotRow[];
/** A robot as the admin shows it: whether it signs, never the secret. */
export const publicRobot = ({ secret, ...robot }: RobotRow) => ({ ...robot, signed: secret !== null });

export const configuredCalendarYears = (db: ReadModelDb): CalendarYear[] =>
  (
    statement(
      db,
      'SELECT year, holidays, make_up_workdays AS makeUpWorkdays FROM reminder_calendar ORDER BY year',
    ).all() as {
      year: number;
      holidays: string;
      makeUpWorkdays: string;
    }[]
  ).map((r) => ({ year: r.year, holidays: JSON.parse(r.holidays), makeUpWorkdays: JSON.parse(r.makeUpWorkdays) }));

/** Reminders per unit for the overview: sent, unread, snoozed, escalated (the open obligations come from the kernel). */
export const reminderCountsByUnit = (db: ReadModelDb) =>
  statement(
    db,
    `SELECT unit_id AS unitId, count(*) AS sent, sum(read_at IS NULL AND snoozed_until IS NULL) AS unread,
       sum(snoozed_until IS NOT NULL) AS snoozed, count(DISTINCT CASE WHEN kind = 'escalation' THEN obligation_id END) AS escalated
     FROM reminder_inbox GROUP BY unit_id`,
  ).all() as { unitId: string | null; sent: number; unread: number; snoozed: number; escalated: number }[];

/** The obligations escalated to the bureau office. */
export const escalatedObligationIds = (db: ReadModelDb): Set<string> =>
  new Set(
    (
      statement(db, `SELECT DISTINCT obligation_id AS id FROM reminder_inbox WHERE kind = 'escalation'`).all() as {
        id: string;
      }[]
    ).map((r) => r.id),
  );

/** Reminders a digest user got on `day` (Asia/Shanghai, by record time), for the daily digest. */
export const remindersForDigest = (db: ReadModelDb, userId: string, fromIso: string, toIso: string): ReminderRow[] =>
  (
    statement(
      db,
      `SELECT ${REMINDER_COLUMNS} FROM reminder_inbox r WHERE r.recipient_id = ? AND r.last_sent_at >= ? AND r.last_sent_at < ?
       ORDER BY r.due_on, r.id`,
    ).all(userId, fromIso, toIso) as RawReminder[]
  ).map(toReminder);
