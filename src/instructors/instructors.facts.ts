import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import type { VisitDuty } from './instructors.events.js';
import { confirmationGrid, monthLedger, type CalendarRow, type ConfirmationRow } from './projections/calendar.js';

/** A visit as an assessment cites it: the event behind it and its business date. */
export interface VisitFact {
  eventId: string;
  visitId: string;
  instructorId: string;
  unitId: string;
  visitedOn: string;
  duties: VisitDuty[];
}

/** A dispatch as other features may know it (C3's stage summaries are owed by dispatched instructors). */
export interface DispatchFact {
  eventId: string;
  dispatchId: string;
  instructorId: string;
  unitId: string;
  startOn: string;
  endOn: string | null;
}

/** Months of a period ('YYYY-MM', inclusive), oldest first. */
const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (let guard = 0; guard < 1300; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) break;
    months.push(key);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return months;
};

const DISPATCH_COLUMNS = `event_id AS eventId, id AS dispatchId, instructor_id AS instructorId, unit_id AS unitId,
  start_on AS startOn, end_on AS endOn`;

/**
 * The instructors feature's read door: what other features, and the assessment (#13), may ask about
 * instructors' dispatches and visits (C1) and affiliated organisations' monthly confirmations (C6), per
 * unit, instructor or organisation and per period, always with the event ids and business dates behind
 * each count so that every point can be explained. InstructorsModule provides and exports it.
 */
@Injectable()
export class InstructorsFacts {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Visits logged to a unit (or by an instructor) with dates from `from` to `to` inclusive ('YYYY-MM-DD'). */
  visits(
    of: { unitId?: string; instructorId?: string },
    from: string,
    to: string,
  ): { count: number; visits: VisitFact[] } {
    const rows = statement(
      this.db,
      `SELECT event_id AS eventId, id AS visitId, instructor_id AS instructorId, unit_id AS unitId,
         visited_on AS visitedOn, duties FROM instructors_visits
       WHERE visited_on BETWEEN ? AND ? AND (? IS NULL OR unit_id = ?) AND (? IS NULL OR instructor_id = ?)
       ORDER BY visited_on, id`,
    ).all(from, to, of.unitId ?? null, of.unitId ?? null, of.instructorId ?? null, of.instructorId ?? null) as (Omit<
      VisitFact,
      'duties'
    > & { duties: string })[];
    const visits = rows.map((r) => ({ ...r, duties: JSON.parse(r.duties) as VisitDuty[] }));
    return { count: visits.length, visits };
  }

  /**
   * C1 month by month for a unit (or an instructor) from month `from` to `to` ('YYYY-MM'): each instructor ×
   * unit with its months visited, missed, due, upcoming or none, the visits' event ids and the dispatches'
   * event ids, judged as of today (Asia/Shanghai).
   */
  visitMonths(of: { unitId?: string; instructorId?: string }, from: string, to: string): CalendarRow[] {
    const months = monthsBetween(from, to);
    if (!months.length) return [];
    return monthLedger(
      this.db,
      { months, today: shanghaiDate(this.clock.now()) },
      {
        unitIds: of.unitId ? [of.unitId] : null,
        instructorIds: of.instructorId ? [of.instructorId] : null,
      },
    ).rows;
  }

  /** Dispatches to a unit (or of an instructor), with the event that made each. */
  dispatches(of: { unitId?: string; instructorId?: string }): DispatchFact[] {
    return statement(
      this.db,
      `SELECT ${DISPATCH_COLUMNS} FROM instructors_dispatches
       WHERE (? IS NULL OR unit_id = ?) AND (? IS NULL OR instructor_id = ?) ORDER BY start_on, id`,
    ).all(of.unitId ?? null, of.unitId ?? null, of.instructorId ?? null, of.instructorId ?? null) as DispatchFact[];
  }

  /**
   * C6 for an affiliated organisation from month `from` to `to`: each month confirmed (with the event id and
   * day), missing, due or none (hosted no unit); null when it hosted no unit in the period.
   */
  confirmations(orgId: string, from: string, to: string): ConfirmationRow | null {
    const months = monthsBetween(from, to);
    if (!months.length) return null;
    return confirmationGrid(this.db, { months, today: shanghaiDate(this.clock.now()) }, [orgId])[0] ?? null;
  }
}
