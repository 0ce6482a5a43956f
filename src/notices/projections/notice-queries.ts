import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { NoticeStatus } from '../notice.js';
import { DEFAULT_NOTICE_SETTINGS, type NoticeFact, type NoticeSettings } from '../notices.events.js';

/** The bureau's current settings and the revision to send back when changing them (-1: never changed). */
export const currentSettings = (db: ReadModelDb): NoticeSettings & { revision: number } => {
  const row = statement(db, 'SELECT data, revision FROM notices_settings WHERE id = 1').get() as
    { data: string; revision: number } | undefined;
  return row
    ? { ...(JSON.parse(row.data) as NoticeSettings), revision: row.revision }
    : { ...DEFAULT_NOTICE_SETTINGS, revision: -1 };
};

/** Every registered unit: a notice is circulated to all of them. */
export const allUnitIds = (db: ReadModelDb): string[] =>
  (statement(db, 'SELECT id FROM notices_units ORDER BY id').all() as { id: string }[]).map((r) => r.id);

export const unitNames = (db: ReadModelDb, ids: readonly string[]): Map<string, string> =>
  new Map(
    (
      statement(db, 'SELECT id, name FROM notices_units WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(ids),
      ) as { id: string; name: string }[]
    ).map((r) => [r.id, r.name]),
  );

export interface NoticeRow {
  id: string;
  status: NoticeStatus;
  title: string;
  reason: string;
  body: string | null;
  unitIds: string[];
  unitNames: string[];
  facts: NoticeFact[];
  draftedBy: string;
  draftedOn: string;
  returnedReason: string | null;
  approvedBy: string | null;
  approvedOn: string | null;
  documentNumber: string | null;
  issuedOn: string | null;
  rectifyBy: string | null;
  issueEventId: string | null;
  circulatedOn: string | null;
  acknowledgeBy: string | null;
  nextUrgeOn: string | null;
  urgedRounds: number;
  closedOn: string | null;
  closeComment: string | null;
  /** Acknowledgement progress: n of m units. */
  acknowledged: number;
  recipients: number;
  /** Criticised units whose rectification report is in. */
  rectified: number;
  revision: number;
  updatedAt: string;
}

const COLUMNS = `n.id, n.status, n.title, n.reason, n.body, n.unit_ids AS unitIds, n.facts, n.drafted_by AS draftedBy,
  n.drafted_on AS draftedOn, n.returned_reason AS returnedReason, n.approved_by AS approvedBy, n.approved_on AS approvedOn,
  n.document_number AS documentNumber, n.issued_on AS issuedOn, n.rectify_by AS rectifyBy, n.issue_event_id AS issueEventId,
  n.circulated_on AS circulatedOn, n.acknowledge_by AS acknowledgeBy, n.next_urge_on AS nextUrgeOn,
  n.urged_rounds AS urgedRounds, n.closed_on AS closedOn, n.close_comment AS closeComment, n.revision,
  n.updated_at AS updatedAt,
  (SELECT count(*) FROM notices_recipients r WHERE r.notice_id = n.id AND r.acknowledged_on IS NOT NULL) AS acknowledged,
  (SELECT count(*) FROM notices_recipients r WHERE r.notice_id = n.id) AS recipients,
  (SELECT count(*) FROM notices_rectifications x WHERE x.notice_id = n.id AND x.status = 'reported') AS rectified,
  (SELECT json_group_array(COALESCE(u.name, j.value)) FROM json_each(n.unit_ids) j
     LEFT JOIN notices_units u ON u.id = j.value) AS unitNames`;

type Raw = Omit<NoticeRow, 'unitIds' | 'unitNames' | 'facts'> & { unitIds: string; unitNames: string; facts: string };

const toRow = (raw: Raw): NoticeRow => ({
  ...raw,
  unitIds: JSON.parse(raw.unitIds) as string[],
  unitNames: JSON.parse(raw.unitNames) as string[],
  facts: JSON.parse(raw.facts) as NoticeFact[],
});

export const noticeList: ListSpec = {
  id: 'n.id',
  sortable: {
    updatedAt: 'n.updated_at',
    issuedOn: 'n.issued_on',
    documentNumber: 'n.document_number',
    status: 'n.status',
    title: 'n.title',
  },
  defaultSort: ['updatedAt', 'DESC'],
  filters: {
    id: filters.oneOf('n.id'),
    status: filters.oneOf('n.status'),
    q: filters.search('n.title', 'n.reason', 'n.document_number'),
    /** Notices criticising the unit. */
    unitId: (value) => ({
      sql: 'EXISTS (SELECT 1 FROM json_each(n.unit_ids) j WHERE j.value IN (SELECT value FROM json_each(?)))',
      params: [JSON.stringify((Array.isArray(value) ? value : [value]).map(String))],
    }),
  },
};

export const listNotices = (db: ReadModelDb, query: ListQuery) =>
  listPage<NoticeRow, Raw>(db, { columns: COLUMNS, from: 'notices n', tieBreak: 'n.id' }, query, toRow);

export const getNotice = (db: ReadModelDb, id: string): NoticeRow | null => {
  const raw = statement(db, `SELECT ${COLUMNS} FROM notices n WHERE n.id = ?`).get(id) as Raw | undefined;
  return raw ? toRow(raw) : null;
};

/** A notice's recipients with their read receipts and urgings, those not yet acknowledged first. */
export const recipientsOf = (db: ReadModelDb, noticeId: string) =>
  statement(
    db,
    `SELECT r.unit_id AS unitId, u.name AS unitName, r.acknowledged_on AS acknowledgedOn,
       r.acknowledged_by AS acknowledgedBy, r.event_id AS eventId, r.urged, r.last_urged_on AS lastUrgedOn
     FROM notices_recipients r LEFT JOIN notices_units u ON u.id = r.unit_id WHERE r.notice_id = ?
     ORDER BY r.acknowledged_on IS NOT NULL, u.name, r.unit_id`,
  ).all(noticeId) as {
    unitId: string;
    unitName: string | null;
    acknowledgedOn: string | null;
    acknowledgedBy: string | null;
    eventId: string | null;
    urged: number;
    lastUrgedOn: string | null;
  }[];

export const rectificationsOf = (db: ReadModelDb, noticeId: string) =>
  (
    statement(
      db,
      `SELECT x.unit_id AS unitId, u.name AS unitName, x.status, x.report, x.evidence_ids AS evidenceIds,
         x.reported_on AS reportedOn, x.event_id AS eventId, x.sent_back_reason AS sentBackReason
       FROM notices_rectifications x LEFT JOIN notices_units u ON u.id = x.unit_id WHERE x.notice_id = ?
       ORDER BY u.name, x.unit_id`,
    ).all(noticeId) as {
      unitId: string;
      unitName: string | null;
      status: 'owed' | 'reported' | 'sent_back';
      report: string | null;
      evidenceIds: string | null;
      reportedOn: string | null;
      eventId: string | null;
      sentBackReason: string | null;
    }[]
  ).map((r) => ({ ...r, evidenceIds: r.evidenceIds ? (JSON.parse(r.evidenceIds) as string[]) : [] }));

/** The notice's timeline: each step's event, when and by whom. */
export const historyOf = (db: ReadModelDb, noticeId: string) =>
  (
    statement(
      db,
      `SELECT event_id AS eventId, type, revision, occurred_at AS occurredAt, actor_id AS actorId, data
       FROM notices_log WHERE notice_id = ? ORDER BY revision`,
    ).all(noticeId) as {
      eventId: string;
      type: string;
      revision: number;
      occurredAt: string;
      actorId: string;
      data: string;
    }[]
  ).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));

/** Is the notice circulated to one of `unitIds`? (what a secretary may read of it) */
export const circulatedToAny = (db: ReadModelDb, noticeId: string, unitIds: readonly string[]): boolean =>
  !!statement(
    db,
    'SELECT 1 FROM notices_recipients WHERE notice_id = ? AND unit_id IN (SELECT value FROM json_each(?)) LIMIT 1',
  ).get(noticeId, JSON.stringify(unitIds));

export interface InboxRow {
  id: string;
  noticeId: string;
  title: string;
  documentNumber: string | null;
  issuedOn: string | null;
  circulatedOn: string | null;
  acknowledgeBy: string | null;
  unitId: string;
  unitName: string | null;
  acknowledgedOn: string | null;
  urged: number;
  criticised: boolean;
  rectifyBy: string | null;
  rectification: 'owed' | 'reported' | 'sent_back' | null;
  sentBackReason: string | null;
  status: NoticeStatus;
}

/** A secretary's notices (待阅通报): one row per notice and unit of theirs it was circulated to. */
export const inboxList: ListSpec = {
  id: "r.notice_id || '.' || r.unit_id",
  sortable: { circulatedOn: 'n.circulated_on', acknowledgedOn: 'r.acknowledged_on' },
  defaultSort: ['circulatedOn', 'DESC'],
  filters: {
    unread: (value) => ({
      sql: value === true || value === 'true' ? 'r.acknowledged_on IS NULL' : 'r.acknowledged_on IS NOT NULL',
      params: [],
    }),
    noticeId: filters.oneOf('r.notice_id'),
    unitId: filters.oneOf('r.unit_id'),
  },
};

const INBOX_COLUMNS = `r.notice_id || '.' || r.unit_id AS id, r.notice_id AS noticeId, n.title,
  n.document_number AS documentNumber, n.issued_on AS issuedOn, n.circulated_on AS circulatedOn,
  n.acknowledge_by AS acknowledgeBy, r.unit_id AS unitId, u.name AS unitName, r.acknowledged_on AS acknowledgedOn,
  r.urged, x.status IS NOT NULL AS criticised, n.rectify_by AS rectifyBy, x.status AS rectification,
  x.sent_back_reason AS sentBackReason, n.status`;

const INBOX_FROM = `notices_recipients r JOIN notices n ON n.id = r.notice_id
  LEFT JOIN notices_units u ON u.id = r.unit_id
  LEFT JOIN notices_rectifications x ON x.notice_id = r.notice_id AND x.unit_id = r.unit_id`;

export const listInbox = (db: ReadModelDb, query: ListQuery) =>
  listPage<InboxRow, Omit<InboxRow, 'criticised'> & { criticised: number }>(
    db,
    { columns: INBOX_COLUMNS, from: INBOX_FROM, tieBreak: "r.notice_id || '.' || r.unit_id", keysFirst: false },
    query,
    (r) => ({ ...r, criticised: r.criticised === 1 }),
  );

/** How many notices the units have not acknowledged: the secretary's badge. */
export const unreadCount = (db: ReadModelDb, unitIds: readonly string[] | null): number =>
  (
    statement(
      db,
      `SELECT count(*) AS n FROM notices_recipients r JOIN notices n ON n.id = r.notice_id
       WHERE r.acknowledged_on IS NULL AND n.status IN ('circulated', 'closed')
         AND (? IS NULL OR r.unit_id IN (SELECT value FROM json_each(?)))`,
    ).get(unitIds ? 1 : null, JSON.stringify(unitIds ?? [])) as { n: number }
  ).n;
