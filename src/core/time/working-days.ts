import { LocalDate, addDays, compareDates, dayOfWeek, isValidLocalDate, parseLocalDate } from './local-date.js';

/** The data a {@link WorkingDayCalendar} is built from; every date must fall in one of `coveredYears`. */
export interface WorkingDayCalendarData {
  /** Official days off (放假), weekends inside a holiday period included. */
  holidays: readonly LocalDate[];
  /** Saturdays and Sundays worked to make up for a holiday (调休上班). */
  makeUpWorkdays: readonly LocalDate[];
  /** The years whose holiday notice has been loaded. */
  coveredYears: readonly number[];
}

/**
 * Thrown when a date falls in a year whose holiday notice has not been loaded. Guessing "plain Mon-Fri"
 * would put deadlines on Spring Festival days, so the caller must load that year's calendar instead.
 */
export class CalendarNotCoveredError extends Error {
  override readonly name = 'CalendarNotCoveredError';

  constructor(readonly year: number) {
    super(`No working-day calendar loaded for ${year}: load the State Council holiday notice for ${year} first`);
  }
}

/**
 * The Chinese working-day calendar: Monday-Friday are working days unless a holiday; Saturday and Sunday
 * only when a make-up working day.
 *
 * Period conventions (all dates are Asia/Shanghai LocalDates):
 * - `addWorkingDays(d, n)`: the n-th working day strictly after d; d itself never counts (n = 0 gives d).
 * - `workingDaysBetween(from, to)`: working days in [from, to], both ends included.
 * - `endOfWorkingDayPeriod(start, n)`: last day of a period of n working days whose first day is the first
 *   working day on or after start, so `workingDaysBetween(start, endOfWorkingDayPeriod(start, n)) === n`.
 *   A 5-working-day publicity period starting on working day d ends on `addWorkingDays(d, 4)`.
 */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<LocalDate>;
  private readonly makeUpWorkdays: ReadonlySet<LocalDate>;
  private readonly coveredYears: ReadonlySet<number>;

  /** Validates the data; throws a RangeError naming the first bad date or year. */
  constructor(data: WorkingDayCalendarData) {
    data.coveredYears.forEach((year) => {
      if (!Number.isInteger(year)) throw new RangeError(`coveredYears: ${year} is not an integer year`);
    });
    this.coveredYears = new Set(data.coveredYears);
    this.holidays = new Set(data.holidays.map((date) => this.checkDate(date, 'holidays')));
    this.makeUpWorkdays = new Set(data.makeUpWorkdays.map((date) => this.checkMakeUpDay(date)));
  }

  /** True when the year's holiday notice is loaded. */
  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  /** The covered years, ascending. */
  get years(): number[] {
    return [...this.coveredYears].sort((a, b) => a - b);
  }

  /** Whether people work on `date`; throws {@link CalendarNotCoveredError} for an unloaded year. */
  isWorkingDay(date: LocalDate): boolean {
    const { year } = parseLocalDate(date);
    if (!this.covers(year)) throw new CalendarNotCoveredError(year);
    if (this.holidays.has(date)) return false;
    if (this.makeUpWorkdays.has(date)) return true;
    return !isWeekend(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** `date` itself when a working day, else the next one: where a deadline falling on a day off moves to. */
  firstWorkingDayFrom(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** The n-th working day strictly after `date` (n ≥ 0; `date` itself is never counted; n = 0 gives `date`). */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    assertCount(n, 0);
    let current = date;
    for (let counted = 0; counted < n;) {
      current = addDays(current, 1);
      if (this.isWorkingDay(current)) counted += 1;
    }
    return current;
  }

  /** The number of working days in [from, to], both ends included; 0 when `to` is before `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let day = from; compareDates(day, to) <= 0; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }

  /** The last day of a period of `n` ≥ 1 working days beginning on the first working day on or after `start`. */
  endOfWorkingDayPeriod(start: LocalDate, n: number): LocalDate {
    assertCount(n, 1);
    return this.addWorkingDays(this.firstWorkingDayFrom(start), n - 1);
  }

  private checkDate(date: LocalDate, field: string): LocalDate {
    if (!isValidLocalDate(date)) throw new RangeError(`${field}: ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
    const { year } = parseLocalDate(date);
    if (!this.covers(year)) throw new RangeError(`${field}: ${date} is in ${year}, which is not in coveredYears`);
    return date;
  }

  private checkMakeUpDay(date: LocalDate): LocalDate {
    this.checkDate(date, 'makeUpWorkdays');
    // A weekday is already worked: listing it would hide a typo in the data.
    if (!isWeekend(date)) throw new RangeError(`makeUpWorkdays: ${date} is not a Saturday or Sunday`);
    if (this.holidays.has(date)) throw new RangeError(`makeUpWorkdays: ${date} is also listed in holidays`);
    return date;
  }
}

function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

function assertCount(n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`Working-day count must be an integer ≥ ${min}, got ${n}`);
}
