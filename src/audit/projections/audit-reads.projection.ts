import { ValidationError } from '../../core/errors.js';
import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { isValidLocalDate, shanghaiDate } from '../../core/time/local-date.js';
import { NAMES_TABLE } from '../activity-names.js';
import type { AuditViewed } from '../audit.events.js';

/** One read of an audit endpoint: who, when, what (the view, the unit and the query). */
export interface AuditReadRow {
  id: string;
  readAt: string;
  actorId: string;
  actorName: string | null;
  actorRole: string;
  view: string;
  unitId: string;
  unitName: string | null;
  year: number | null;
  query: Record<string, string>;
}

/** The reads of audit endpoints as the bureau lists them (from the AuditViewed events). */
export const auditReadsProjection: Projection = {
  name: 'audit_reads',
  version: 1,
  handles: ['AuditViewed'],
  tables: ['audit_reads'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS audit_reads (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, read_at TEXT NOT NULL, read_on TEXT NOT NULL,
      actor_id TEXT NOT NULL, actor_role TEXT NOT NULL, view TEXT NOT NULL, unit_id TEXT NOT NULL,
      year INTEGER, query TEXT NOT NULL)`),
  indexes: [
    'CREATE INDEX IF NOT EXISTS audit_reads_actor ON audit_reads (actor_id, seq)',
    'CREATE INDEX IF NOT EXISTS audit_reads_unit ON audit_reads (unit_id, seq)',
  ],
  evolve: (db, recorded: RecordedEvent) => {
    const { data } = recorded as unknown as AuditViewed & RecordedEvent;
    const { recordedAt, actorId, actorRole } = recorded.metadata;
    statement(db, 'INSERT OR IGNORE INTO audit_reads VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      recorded.id,
      recordedAt,
      shanghaiDate(recordedAt),
      actorId,
      actorRole,
      data.view,
      data.unitId,
      data.year,
      JSON.stringify(data.query ?? {}),
    );
  },
};

/** A day bounding a date filter; anything else is a 400 naming the filter. */
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

export const auditReadList: ListSpec = {
  id: 'seq',
  sortable: { readAt: 'seq' },
  defaultSort: ['readAt', 'DESC'],
  filters: {
    actorId: filters.equals('actor_id'),
    unitId: filters.equals('unit_id'),
    view: filters.oneOf('view'),
    // Days of the county's calendar (Asia/Shanghai), both ends included.
    from: dayBound('read_on', 'from', '>='),
    to: dayBound('read_on', 'to', '<='),
  },
};

const COLUMNS = `id, read_at AS readAt, actor_id AS actorId, actor_role AS actorRole, view, unit_id AS unitId, year,
  query, (SELECT name FROM ${NAMES_TABLE} WHERE kind = 'user' AND id = actor_id) AS actorName,
  (SELECT name FROM ${NAMES_TABLE} WHERE kind = 'unit' AND id = unit_id) AS unitName`;

export const listAuditReads = (db: ReadModelDb, query: ListQuery) =>
  listPage(
    db,
    { columns: COLUMNS, from: 'audit_reads', tieBreak: 'seq' },
    query,
    (row: Omit<AuditReadRow, 'query'> & { query: string }): AuditReadRow => ({
      ...row,
      query: JSON.parse(row.query) as Record<string, string>,
    }),
  );
