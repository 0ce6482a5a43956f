import { ValidationError } from '../../core/errors.js';
import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { isValidLocalDate, shanghaiDate } from '../../core/time/local-date.js';
import { initNames, keepNames, namesOf, NAMES_TABLE } from '../activity-names.js';
import { nameKey, referencesIn, shownData, subjectOf, type Reference } from '../event-fields.js';

/**
 * One line of the log: who (the actor's username, display name and roles), what (the event type and its
 * data, secrets left out), about what (`subject`, from the stream) and which units, when it happened
 * (`occurredAt`, business time) and when it was recorded; `names` gives the current name of every unit,
 * organisation, member, person and user the line refers to, by `kind:id` (see event-fields.ts).
 */
export interface ActivityRow {
  id: string;
  position: string;
  type: string;
  stream: string;
  actorId: string;
  actorName: string | null;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  subject: Reference | null;
  data: Record<string, unknown>;
  names: Record<string, string>;
}

/** Every event in one line, and the names the lines refer to (kept from the naming events). */
export const activityProjection: Projection = {
  name: 'activity',
  // 2: the event's data, its Shanghai dates for the date filters, and the names of what it refers to.
  version: 2,
  handles: ['*'],
  tables: ['activity', NAMES_TABLE],
  init: (db) => {
    initNames(db);
    db.exec(`CREATE TABLE IF NOT EXISTS activity (
      seq INTEGER PRIMARY KEY, position TEXT NOT NULL, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, stream TEXT NOT NULL,
      actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
      unit_ids TEXT NOT NULL, data TEXT NOT NULL, occurred_on TEXT NOT NULL, recorded_on TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS activity_type ON activity (type, seq);
    CREATE INDEX IF NOT EXISTS activity_actor ON activity (actor_id, seq);
    CREATE INDEX IF NOT EXISTS activity_occurred ON activity (occurred_on, seq);
    CREATE INDEX IF NOT EXISTS activity_recorded ON activity (recorded_on, seq)`);
  },
  evolve: (db, event) => {
    const { actorId, actorRole, occurredAt, recordedAt, unitIds } = event.metadata;
    keepNames(db, event);
    // `seq` follows the order the runner applies events in, which is the log's order for every adapter
    // (KurrentDB positions do not fit an SQLite integer, so they are kept as text).
    statement(db, 'INSERT OR IGNORE INTO activity VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      event.position.toString(),
      event.id,
      event.type,
      event.stream,
      actorId,
      actorRole,
      occurredAt,
      recordedAt,
      JSON.stringify(unitIds ?? []),
      JSON.stringify(shownData(event.data) ?? {}),
      dayOf(occurredAt),
      dayOf(recordedAt),
    );
  },
};

const COLUMNS = `id, position, type, stream, actor_id AS actorId, actor_role AS actorRole,
  occurred_at AS occurredAt, recorded_at AS recordedAt, unit_ids AS unitIds, data`;

/** The county's day of an instant; an instant written without a zone (none should be) keeps its own date. */
const dayOf = (instant: string) => {
  try {
    return shanghaiDate(instant);
  } catch {
    return instant.slice(0, 10);
  }
};

/** A day of the county's calendar (`yyyy-MM-dd`) bounding a date filter; anything else is a 400 naming it. */
const dayBound = (column: string, field: string, comparison: '>=' | '<=') => (value: unknown) => {
  if (!isValidLocalDate(value))
    throw new ValidationError([
      {
        field: `filter.${field}`,
        code: 'invalid_date',
        message: { zh: '应为日期，格式 YYYY-MM-DD', en: 'must be a date, YYYY-MM-DD' },
      },
    ]);
  return { sql: `${column} ${comparison} ?`, params: [value] };
};

export const activityList: ListSpec = {
  // Event ids are random UUIDs: ordering by them means nothing, so `id` sorts in the log's order.
  id: 'seq',
  sortable: { position: 'seq', occurredAt: 'occurred_at', recordedAt: 'recorded_at', type: 'type' },
  defaultSort: ['position', 'DESC'],
  filters: {
    type: filters.oneOf('type'),
    actorId: filters.equals('actor_id'),
    stream: filters.equals('stream'),
    id: filters.oneOf('id'),
    // Business dates (when it happened), Asia/Shanghai days, both ends included.
    from: dayBound('occurred_on', 'from', '>='),
    to: dayBound('occurred_on', 'to', '<='),
    // Record dates (when it was entered).
    recordedFrom: dayBound('recorded_on', 'recordedFrom', '>='),
    recordedTo: dayBound('recorded_on', 'recordedTo', '<='),
  },
};

type RawRow = Omit<ActivityRow, 'unitIds' | 'data' | 'subject' | 'names' | 'actorName'> & {
  unitIds: string;
  data: string;
};

/** One page of the log, each line with the names of its actor, subject, units and the ids in its data. */
export const listActivity = (db: ReadModelDb, query: ListQuery): { rows: ActivityRow[]; total: number } => {
  const page = listPage(db, { columns: COLUMNS, from: 'activity', tieBreak: 'seq' }, query, (row: RawRow) => ({
    ...row,
    unitIds: JSON.parse(row.unitIds) as string[],
    data: JSON.parse(row.data) as Record<string, unknown>,
    subject: subjectOf(row.stream),
  }));
  const refsOf = (row: (typeof page.rows)[number]): Reference[] => [
    { kind: 'user', id: row.actorId },
    ...(row.subject ? [row.subject] : []),
    ...row.unitIds.map((id) => ({ kind: 'unit' as const, id })),
    ...referencesIn(row.data),
  ];
  const known = namesOf(db, page.rows.flatMap(refsOf));
  const rows = page.rows.map((row) => {
    const names = Object.fromEntries(
      refsOf(row)
        .map((ref) => [nameKey(ref), known[nameKey(ref)]])
        .filter(([, name]) => name),
    );
    return { ...row, actorName: names[nameKey({ kind: 'user', id: row.actorId })] ?? null, names };
  });
  return { rows, total: page.total };
};

export const recentActivity = (db: ReadModelDb, limit = 10): ActivityRow[] =>
  listActivity(db, { orderBy: 'seq DESC', offset: 0, limit, where: '', params: [] }).rows;
