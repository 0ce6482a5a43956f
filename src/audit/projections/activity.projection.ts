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
  /** The command that wrote it, and the request's chain of work (what else the same request did). */
  commandId: string;
  correlationId: string;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
  subject: Reference | null;
  data: Record<string, unknown>;
  names: Record<string, string>;
  /** The other events the same request (or chain of work) wrote, in the log's order: its correlation. */
  correlated: CorrelatedEvent[];
}

export interface CorrelatedEvent {
  id: string;
  position: string;
  type: string;
  stream: string;
  unitIds: string[];
}

/** How many of a line's correlated events are shown: a seeding or an import may write thousands. */
export const MAX_CORRELATED = 50;

/** Every event in one line, and the names the lines refer to (kept from the naming events). */
export const activityProjection: Projection = {
  name: 'activity',
  // 2: the event's data, its Shanghai dates for the date filters, and the names of what it refers to.
  // 3: its command and correlation ids, and the units of each event one a row (a unit's timeline).
  version: 4,
  handles: ['*'],
  tables: ['activity', NAMES_TABLE, 'activity_units'],
  init: (db) => {
    initNames(db);
    db.exec(`CREATE TABLE IF NOT EXISTS activity (
      seq INTEGER PRIMARY KEY, position TEXT NOT NULL, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, stream TEXT NOT NULL,
      actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
      unit_ids TEXT NOT NULL, data TEXT NOT NULL, occurred_on TEXT NOT NULL, recorded_on TEXT NOT NULL,
      command_id TEXT NOT NULL, correlation_id TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS activity_units (unit_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (unit_id, seq))
      WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS activity_type ON activity (type, seq);
    CREATE INDEX IF NOT EXISTS activity_actor ON activity (actor_id, seq);
    CREATE INDEX IF NOT EXISTS activity_occurred ON activity (occurred_on, seq);
    CREATE INDEX IF NOT EXISTS activity_recorded ON activity (recorded_on, seq);
    CREATE INDEX IF NOT EXISTS activity_correlation ON activity (correlation_id, seq)`);
  },
  evolve: (db, event) => {
    const { actorId, actorRole, occurredAt, recordedAt, unitIds, commandId, correlationId } = event.metadata;
    keepNames(db, event);
    // `seq` follows the order the runner applies events in, which is the log's order for every adapter
    // (KurrentDB positions do not fit an SQLite integer, so they are kept as text).
    const inserted = statement(
      db,
      'INSERT OR IGNORE INTO activity VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
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
      commandId ?? '',
      correlationId ?? '',
    );
    if (inserted.changes === 0) return;
    for (const unitId of new Set(unitIds ?? []))
      statement(db, 'INSERT OR IGNORE INTO activity_units VALUES (?, ?)').run(unitId, inserted.lastInsertRowid);
  },
};

const COLUMNS = `id, position, type, stream, actor_id AS actorId, actor_role AS actorRole,
  command_id AS commandId, correlation_id AS correlationId, occurred_at AS occurredAt, recorded_at AS recordedAt, unit_ids AS unitIds, data`;

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
    correlationId: filters.equals('correlation_id'),
    // Business dates (when it happened), Asia/Shanghai days, both ends included.
    from: dayBound('occurred_on', 'from', '>='),
    to: dayBound('occurred_on', 'to', '<='),
    // Record dates (when it was entered).
    recordedFrom: dayBound('recorded_on', 'recordedFrom', '>='),
    recordedTo: dayBound('recorded_on', 'recordedTo', '<='),
  },
};

type RawRow = Omit<ActivityRow, 'unitIds' | 'data' | 'subject' | 'names' | 'actorName' | 'correlated'> & {
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
    return {
      ...row,
      actorName: names[nameKey({ kind: 'user', id: row.actorId })] ?? null,
      names,
      correlated: correlatedOf(db, row),
    };
  });
  return { rows, total: page.total };
};

/** The events sharing the line's correlation id, itself left out (the first MAX_CORRELATED of them). */
const correlatedOf = (db: ReadModelDb, row: { id: string; correlationId: string }): CorrelatedEvent[] =>
  row.correlationId
    ? (
        statement(
          db,
          `SELECT id, position, type, stream, unit_ids AS unitIds FROM activity
          WHERE correlation_id = ? AND id <> ? ORDER BY seq LIMIT ${MAX_CORRELATED}`,
        ).all(row.correlationId, row.id) as (Omit<CorrelatedEvent, 'unitIds'> & { unitIds: string })[]
      ).map((event) => ({ ...event, unitIds: JSON.parse(event.unitIds) as string[] }))
    : [];

/**
 * One page of a unit's timeline: the lines of the events naming the unit in `metadata.unitIds`, from any
 * stream, with the log's filters (type, actor, dates, correlation) and its order. Read from the log's own
 * projection rather than `EventStore.readUnit`: the same events (the same `metadata.unitIds`), but paged,
 * filtered and counted in SQL with the names beside them; the scores at a point, which must see exactly
 * what the store held, read the store (AssessmentFacts).
 */
export const listUnitTimeline = (db: ReadModelDb, unitId: string, query: ListQuery) =>
  listActivity(db, {
    ...query,
    where: `WHERE seq IN (SELECT seq FROM activity_units WHERE unit_id = ?)${query.where.replace(/^WHERE/, ' AND')}`,
    params: [unitId, ...query.params],
  });

/** The units the log knows by name (its names table), by name: the auditor's choice of a unit. */
export const knownUnits = (db: ReadModelDb, query: ListQuery) =>
  listPage<{ id: string; name: string }>(
    db,
    { columns: 'id, name', from: `${NAMES_TABLE}`, tieBreak: 'id', keysFirst: false },
    { ...query, where: `WHERE kind = 'unit'${query.where.replace(/^WHERE/, ' AND')}` },
  );

export const knownUnitList: ListSpec = {
  id: 'id',
  sortable: { name: 'name' },
  defaultSort: ['name', 'ASC'],
  filters: { q: filters.search('name'), id: filters.oneOf('id') },
};

export const unitName = (db: ReadModelDb, unitId: string): string | null =>
  (statement(db, `SELECT name FROM ${NAMES_TABLE} WHERE kind = 'unit' AND id = ?`).get(unitId) as { name: string })
    ?.name ?? null;

export const recentActivity = (db: ReadModelDb, limit = 10): ActivityRow[] =>
  listActivity(db, { orderBy: 'seq DESC', offset: 0, limit, where: '', params: [] }).rows;
