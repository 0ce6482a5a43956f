import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { addMonths, endOfMonth } from '../../core/time/local-date.js';

/**
 * A month of one instructor at one unit:
 * - `visited`: at least one visit logged in it (C1 met);
 * - `missed`: dispatched for part of it, it has ended, and no visit;
 * - `due`: the current month, dispatched, no visit yet (not missed until it ends);
 * - `upcoming`: a month to come within the dispatch;
 * - `none`: not dispatched on any day of it (owes nothing).
 */
export type MonthStatus = 'visited' | 'missed' | 'due' | 'upcoming' | 'none';

export interface MonthCell {
  month: string;
  status: MonthStatus;
  visits: number;
  /** The visits' event ids and days: what an assessment cites. */
  visitEventIds: string[];
  visitDays: string[];
}

export interface CalendarRow {
  instructorId: string;
  instructorName: string | null;
  unitId: string;
  unitName: string | null;
  dispatches: { dispatchId: string; startOn: string; endOn: string | null; eventId: string }[];
  cells: MonthCell[];
  visited: number;
  missed: number;
  due: number;
}

export interface Calendar {
  /** The window's months, oldest first ('YYYY-MM'). */
  months: string[];
  /** The day the statuses are judged on (Asia/Shanghai). */
  today: string;
  rows: CalendarRow[];
}

/** Who the calendar covers: instructors and/or units (null: everyone). */
export interface CalendarFilter {
  instructorIds?: readonly string[] | null;
  unitIds?: readonly string[] | null;
}

/** The `count` months ending with `to` ('YYYY-MM'), oldest first. */
export const monthsEnding = (to: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => addMonths(`${to}-01`, i - count + 1).slice(0, 7));

const inList = (column: string, ids: readonly string[] | null | undefined) =>
  ids
    ? { sql: ` AND ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] }
    : { sql: '', params: [] };

interface RawDispatch {
  dispatchId: string;
  instructorId: string;
  instructorName: string | null;
  unitId: string;
  unitName: string | null;
  startOn: string;
  endOn: string | null;
  eventId: string;
}

/**
 * The month ledger of C1, computed on read from two indexed range scans (dispatches overlapping the
 * window, visits in it): a missed month is the absence of a visit, which no event announces, and the
 * current month turns from due to missed only as the clock moves, so the statuses are judged at query
 * time against `today`. 108 instructors × 12 months is a few thousand rows: well under the 100 ms the
 * issue allows (bench/instructor-calendar.ts).
 */
export const monthLedger = (
  db: ReadModelDb,
  window: { months: string[]; today: string },
  filter: CalendarFilter = {},
): Calendar => {
  const { months, today } = window;
  const first = `${months[0]}-01`;
  const last = endOfMonth(`${months[months.length - 1]}-01`);
  const current = today.slice(0, 7);
  const byInstructor = inList('d.instructor_id', filter.instructorIds);
  const byUnit = inList('d.unit_id', filter.unitIds);
  const dispatches = statement(
    db,
    `SELECT d.id AS dispatchId, d.instructor_id AS instructorId, p.display_name AS instructorName, d.unit_id AS unitId,
       u.name AS unitName, d.start_on AS startOn, d.end_on AS endOn, d.event_id AS eventId
     FROM instructors_dispatches d
     LEFT JOIN instructors_people p ON p.id = d.instructor_id LEFT JOIN instructors_units u ON u.id = d.unit_id
     WHERE d.start_on <= ? AND (d.end_on IS NULL OR d.end_on >= ?)${byInstructor.sql}${byUnit.sql}
     ORDER BY d.instructor_id, u.name, d.unit_id, d.start_on`,
  ).all(last, first, ...byInstructor.params, ...byUnit.params) as RawDispatch[];
  const visitInstructor = inList('instructor_id', filter.instructorIds);
  const visitUnit = inList('unit_id', filter.unitIds);
  // Raw rows (arrays, not objects): a window holds thousands of visits, and this is the calendar's hot path.
  const visits = statement(
    db,
    `SELECT instructor_id, unit_id, month, visited_on, event_id
     FROM instructors_visits WHERE month BETWEEN ? AND ?${visitInstructor.sql}${visitUnit.sql}`,
  )
    .raw(true)
    .all(months[0], months[months.length - 1], ...visitInstructor.params, ...visitUnit.params) as [
    string,
    string,
    string,
    string,
    string,
  ][];
  const visitsAt = new Map<string, { days: string[]; eventIds: string[] }>();
  for (const [instructorId, unitId, month, visitedOn, eventId] of visits) {
    const key = `${instructorId}\n${unitId}\n${month}`;
    const entry = visitsAt.get(key) ?? { days: [], eventIds: [] };
    entry.days.push(visitedOn);
    entry.eventIds.push(eventId);
    visitsAt.set(key, entry);
  }
  // Each cell's visits in date order, whichever index the query used.
  for (const entry of visitsAt.values())
    if (entry.days.length > 1) {
      const order = entry.days.map((_, i) => i).sort((a, b) => entry.days[a].localeCompare(entry.days[b]));
      entry.days = order.map((i) => entry.days[i]);
      entry.eventIds = order.map((i) => entry.eventIds[i]);
    }
  const rows = new Map<string, CalendarRow>();
  for (const d of dispatches) {
    const key = `${d.instructorId}\n${d.unitId}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        instructorId: d.instructorId,
        instructorName: d.instructorName,
        unitId: d.unitId,
        unitName: d.unitName,
        dispatches: [],
        cells: [],
        visited: 0,
        missed: 0,
        due: 0,
      };
      rows.set(key, row);
    }
    row.dispatches.push({ dispatchId: d.dispatchId, startOn: d.startOn, endOn: d.endOn, eventId: d.eventId });
  }
  const bounds = months.map((month) => ({ month, first: `${month}-01`, last: endOfMonth(`${month}-01`) }));
  for (const row of rows.values()) {
    row.cells = bounds.map(({ month, first: monthFirst, last: monthLast }) => {
      const dispatched = row.dispatches.some(
        (d) => d.startOn <= monthLast && (d.endOn === null || d.endOn >= monthFirst),
      );
      const seen = visitsAt.get(`${row.instructorId}\n${row.unitId}\n${month}`);
      const status: MonthStatus = seen
        ? 'visited'
        : !dispatched
          ? 'none'
          : month < current
            ? 'missed'
            : month === current
              ? 'due'
              : 'upcoming';
      if (status === 'visited') row.visited++;
      if (status === 'missed') row.missed++;
      if (status === 'due') row.due++;
      return {
        month,
        status,
        visits: seen?.days.length ?? 0,
        visitEventIds: seen?.eventIds ?? [],
        visitDays: seen?.days ?? [],
      };
    });
  }
  return { months, today, rows: [...rows.values()] };
};

export interface InstructorSummary {
  instructorId: string;
  instructorName: string | null;
  units: number;
  visited: number;
  missed: number;
  due: number;
}

/** The bureau's overview: per instructor, their units and visited/missed/due months in the window, most missed first. */
export const overviewOf = (calendar: Calendar): InstructorSummary[] => {
  const byInstructor = new Map<string, InstructorSummary>();
  for (const row of calendar.rows) {
    const entry = byInstructor.get(row.instructorId) ?? {
      instructorId: row.instructorId,
      instructorName: row.instructorName,
      units: 0,
      visited: 0,
      missed: 0,
      due: 0,
    };
    entry.units++;
    entry.visited += row.visited;
    entry.missed += row.missed;
    entry.due += row.due;
    byInstructor.set(row.instructorId, entry);
  }
  return [...byInstructor.values()].sort((a, b) => b.missed - a.missed || a.instructorId.localeCompare(b.instructorId));
};

export type ConfirmationStatus = 'confirmed' | 'missing' | 'due' | 'none';

export interface ConfirmationRow {
  orgId: string;
  orgName: string | null;
  cells: {
    month: string;
    status: ConfirmationStatus;
    eventId: string | null;
    confirmedOn: string | null;
    unitIds: string[];
  }[];
  confirmed: number;
  missing: number;
}

/**
 * C6's grid: per organisation that hosted units in the window, each month confirmed, missing (ended,
 * hosted units, no confirmation), due (the current month) or none (hosted nothing).
 */
export const confirmationGrid = (
  db: ReadModelDb,
  window: { months: string[]; today: string },
  orgIds: readonly string[] | null = null,
): ConfirmationRow[] => {
  const { months, today } = window;
  const current = today.slice(0, 7);
  const first = `${months[0]}-01`;
  const last = endOfMonth(`${months[months.length - 1]}-01`);
  const byOrg = inList('a.host_org_id', orgIds);
  const hosted = statement(
    db,
    `SELECT a.host_org_id AS orgId, o.name AS orgName, a.unit_id AS unitId, a.since, a.until
     FROM instructors_affiliations a LEFT JOIN instructors_orgs o ON o.id = a.host_org_id
     WHERE a.since <= ? AND (a.until IS NULL OR a.until >= ?)${byOrg.sql} ORDER BY o.name, a.host_org_id`,
  ).all(last, first, ...byOrg.params) as {
    orgId: string;
    orgName: string | null;
    unitId: string;
    since: string;
    until: string | null;
  }[];
  const confirmations = statement(
    db,
    `SELECT org_id AS orgId, month, event_id AS eventId, confirmed_on AS confirmedOn, unit_ids AS unitIds
     FROM instructors_confirmations WHERE month BETWEEN ? AND ?`,
  ).all(months[0], months[months.length - 1]) as {
    orgId: string;
    month: string;
    eventId: string;
    confirmedOn: string;
    unitIds: string;
  }[];
  const confirmed = new Map(confirmations.map((c) => [`${c.orgId}\n${c.month}`, c]));
  const orgs = new Map<
    string,
    { orgName: string | null; spans: { since: string; until: string | null; unitId: string }[] }
  >();
  for (const h of hosted) {
    const entry = orgs.get(h.orgId) ?? { orgName: h.orgName, spans: [] };
    entry.spans.push(h);
    orgs.set(h.orgId, entry);
  }
  return [...orgs.entries()].map(([orgId, { orgName, spans }]) => {
    const row: ConfirmationRow = { orgId, orgName, cells: [], confirmed: 0, missing: 0 };
    row.cells = months.map((month) => {
      const monthFirst = `${month}-01`;
      const monthLast = endOfMonth(monthFirst);
      const units = spans
        .filter((s) => s.since <= monthLast && (s.until === null || s.until >= monthFirst))
        .map((s) => s.unitId);
      const done = confirmed.get(`${orgId}\n${month}`);
      const status: ConfirmationStatus = done
        ? 'confirmed'
        : !units.length || month > current
          ? 'none'
          : month < current
            ? 'missing'
            : 'due';
      if (status === 'confirmed') row.confirmed++;
      if (status === 'missing') row.missing++;
      return {
        month,
        status,
        eventId: done?.eventId ?? null,
        confirmedOn: done?.confirmedOn ?? null,
        unitIds: done ? (JSON.parse(done.unitIds) as string[]) : [...new Set(units)],
      };
    });
    return row;
  });
};
