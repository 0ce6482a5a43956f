import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { DEVELOPMENT_STEP_EVENT_TYPES, type DevelopmentEvent } from '../development.events.js';
import { openObligations } from '../obligations.js';
import { caseStates } from './case-state.js';

const states = caseStates('development_obligations_state');

/**
 * The deadlines the reminders feature consumes: one row per obligation (A1–A23) a case has had, open
 * while `closed_on` is null. A recurring one (A5, A6) closes when done and opens again with its next
 * due date, so the id names the due date too and a reminder job keyed by the id never fires twice.
 */
export const developmentObligationsProjection: Projection = {
  name: 'development_obligations',
  // 2: `not_before` (the resubmission wait) and A15 re-dated after a failed vote.
  // 3: A2 and A8 are earliest days (`not_before`), not due dates; A20 and A21 not before probation's expiry.
  version: 3,
  handles: DEVELOPMENT_STEP_EVENT_TYPES,
  tables: ['development_obligations', states.table],
  init: (db) => {
    states.init(db);
    db.exec(`CREATE TABLE IF NOT EXISTS development_obligations (
      id TEXT PRIMARY KEY, case_id TEXT NOT NULL, code TEXT NOT NULL, due_on TEXT, who TEXT NOT NULL,
      org_id TEXT NOT NULL, unit_id TEXT NOT NULL, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,
      opened_on TEXT NOT NULL, closed_on TEXT, not_before TEXT);
    CREATE INDEX IF NOT EXISTS development_obligations_open ON development_obligations (closed_on, due_on);
    CREATE INDEX IF NOT EXISTS development_obligations_case ON development_obligations (case_id)`);
  },
  evolve: (db, recorded) => {
    const { after } = states.fold(db, recorded);
    if (after.status === 'none') return;
    const on = (recorded as unknown as DevelopmentEvent).data.on;
    const open = openObligations(after).map((o) => ({ ...o, id: `${after.personId}:${o.code}:${o.dueOn ?? '-'}` }));
    const still = new Set(open.map((o) => o.id));
    const current = statement(db, 'SELECT id FROM development_obligations WHERE case_id = ? AND closed_on IS NULL').all(
      after.personId,
    ) as { id: string }[];
    for (const { id } of current.filter((row) => !still.has(row.id)))
      statement(db, 'UPDATE development_obligations SET closed_on = ? WHERE id = ?').run(on, id);
    for (const o of open)
      statement(db, 'INSERT OR IGNORE INTO development_obligations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)').run(
        o.id,
        after.personId,
        o.code,
        o.dueOn,
        o.who,
        after.orgId,
        after.unitId,
        o.zh,
        o.en,
        on,
        o.notBefore,
      );
  },
};

const COLUMNS = `b.id, b.case_id AS caseId, c.name AS personName, b.code, b.due_on AS dueOn, b.who, b.org_id AS orgId,
  b.unit_id AS unitId, b.title_zh AS titleZh, b.title_en AS titleEn, b.opened_on AS openedOn, b.closed_on AS closedOn,
  b.not_before AS notBefore`;
// The person's name comes from the obligations' own state table, so this read model stands alone.
export const OBLIGATION_ROWS = `development_obligations b LEFT JOIN (SELECT person_id, json_extract(state, '$.name') AS name
  FROM development_obligations_state) c ON c.person_id = b.case_id`;

export const obligationList: ListSpec = {
  id: 'b.id',
  // By date: its due date, or for one that only has an earliest day (A2, A8) that day.
  sortable: { dueOn: 'COALESCE(b.due_on, b.not_before)', code: 'b.code', openedOn: 'b.opened_on' },
  defaultSort: ['dueOn', 'ASC'],
  filters: {
    caseId: filters.oneOf('b.case_id'),
    code: filters.oneOf('b.code'),
    orgId: filters.oneOf('b.org_id'),
    who: filters.equals('b.who'),
    open: (value) => ({
      sql: value === true || value === 'true' ? 'b.closed_on IS NULL' : 'b.closed_on IS NOT NULL',
      params: [],
    }),
    dueBefore: (value) => ({ sql: 'b.due_on <= ?', params: [String(value)] }),
  },
};

export const listObligations = (db: ReadModelDb, query: ListQuery) =>
  listPage(db, { columns: COLUMNS, from: OBLIGATION_ROWS, tieBreak: 'b.id', keysFirst: false }, query);
