import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';

export interface ActivityRow {
  id: string;
  position: string;
  type: string;
  stream: string;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
  unitIds: string[];
}

/** Every event in one line: who did what to which stream, when it happened and when it was recorded. */
export const activityProjection: Projection = {
  name: 'activity',
  version: 1,
  handles: ['*'],
  tables: ['activity'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS activity (
      seq INTEGER PRIMARY KEY, position TEXT NOT NULL, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, stream TEXT NOT NULL, actor_id TEXT NOT NULL,
      actor_role TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, unit_ids TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS activity_type ON activity (type, seq);
    CREATE INDEX IF NOT EXISTS activity_actor ON activity (actor_id, seq)`),
  evolve: (db, event) => {
    const { actorId, actorRole, occurredAt, recordedAt, unitIds } = event.metadata;
    // `seq` follows the order the runner applies events in, which is the log's order for every adapter
    // (KurrentDB positions do not fit an SQLite integer, so they are kept as text).
    statement(db, 'INSERT OR IGNORE INTO activity VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      event.position.toString(),
      event.id,
      event.type,
      event.stream,
      actorId,
      actorRole,
      occurredAt,
      recordedAt,
      JSON.stringify(unitIds ?? []),
    );
  },
};

const COLUMNS = `id, position, type, stream, actor_id AS actorId, actor_role AS actorRole,
  occurred_at AS occurredAt, recorded_at AS recordedAt, unit_ids AS unitIds`;

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
  },
};

type RawRow = Omit<ActivityRow, 'unitIds'> & { unitIds: string };

export const listActivity = (db: ReadModelDb, query: ListQuery): { rows: ActivityRow[]; total: number } =>
  listPage(db, { columns: COLUMNS, from: 'activity', tieBreak: 'seq' }, query, (row: RawRow) => ({
    ...row,
    unitIds: JSON.parse(row.unitIds),
  }));

export const recentActivity = (db: ReadModelDb, limit = 10): ActivityRow[] =>
  listActivity(db, { orderBy: 'seq DESC', offset: 0, limit, where: '', params: [] }).rows;
