import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { addMonths, endOfMonth, endOfQuarter, quarterOf, shanghaiDate } from '../../core/time/local-date.js';
import type { OrgLifeMeetingRecorded } from '../organizational-life.events.js';

/**
 * The periods B1–B7 are owed in (months, quarters, years), as one table the obligations SELECT joins: a
 * SELECT cannot ask the clock, so the calendar is kept from the log itself. It runs from the earliest meeting
 * on record (the county keeps its organisational life in the ledger from then on: no obligations are owed
 * for years before it; see {@link trackedFrom}) to the latest day anything was recorded (the store's clock,
 * so the current period is always there once anyone writes anything). Deterministic: a rebuild gives the
 * same periods.
 */
export const orglifeCalendarProjection: Projection = {
  name: 'orglife_calendar',
  version: 1,
  handles: ['*'],
  tables: ['orglife_span', 'orglife_periods'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS orglife_span (id INTEGER PRIMARY KEY CHECK (id = 1), first_on TEXT, last_on TEXT);
    CREATE TABLE IF NOT EXISTS orglife_periods (
      period TEXT PRIMARY KEY, period_kind TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL);
    INSERT OR IGNORE INTO orglife_span VALUES (1, NULL, NULL)`),
  evolve: (db, recorded) => {
    const span = statement(db, 'SELECT first_on AS firstOn, last_on AS lastOn FROM orglife_span').get() as {
      firstOn: string | null;
      lastOn: string | null;
    };
    const recordedOn = shanghaiDate(recorded.metadata.recordedAt);
    const heldOn =
      recorded.type === 'OrgLifeMeetingRecorded' ? (recorded as unknown as OrgLifeMeetingRecorded).data.heldOn : null;
    const lastOn = span.lastOn && span.lastOn > recordedOn ? span.lastOn : recordedOn;
    const firstOn = heldOn && (!span.firstOn || heldOn < span.firstOn) ? heldOn : span.firstOn;
    if (lastOn === span.lastOn && firstOn === span.firstOn) return;
    statement(db, 'UPDATE orglife_span SET first_on = ?, last_on = ?').run(firstOn, lastOn);
    // Only a new month on either side adds periods.
    if (
      firstOn &&
      (firstOn.slice(0, 7) !== span.firstOn?.slice(0, 7) || lastOn.slice(0, 7) !== span.lastOn?.slice(0, 7))
    )
      addPeriods(db, trackedFrom(firstOn, lastOn), lastOn);
  },
};

/**
 * The first day obligations are owed from: the first meeting on record, but no earlier than 1 January of
 * the year before the latest record, so that one old meeting entered for the archive does not open years
 * of obligations nobody can meet any more. The obligations' SELECT and the month grid apply the same bound.
 */
export const trackedFrom = (firstOn: string, lastOn: string): string => {
  const bound = `${Number(lastOn.slice(0, 4)) - 1}-01-01`;
  return firstOn > bound ? firstOn : bound;
};

/** The same bound in SQL, over orglife_span. */
export const TRACKED_FROM_SQL = `(SELECT max(first_on, date(last_on, 'start of year', '-1 year')) FROM orglife_span)`;

const addPeriods = (db: ReadModelDb, from: string, to: string) => {
  const add = statement(db, 'INSERT OR IGNORE INTO orglife_periods VALUES (?, ?, ?, ?)');
  for (let month = `${from.slice(0, 7)}-01`; month <= to; month = addMonths(month, 1)) {
    add.run(month.slice(0, 7), 'month', month, endOfMonth(month));
    const quarterStart = `${month.slice(0, 5)}${String((Math.ceil(Number(month.slice(5, 7)) / 3) - 1) * 3 + 1).padStart(2, '0')}-01`;
    add.run(quarterOf(month), 'quarter', quarterStart, endOfQuarter(month));
    add.run(month.slice(0, 4), 'year', `${month.slice(0, 4)}-01-01`, `${month.slice(0, 4)}-12-31`);
  }
};
