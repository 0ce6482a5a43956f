import { LocalDate, addDays, compareDates, dayOfWeek, isValidLocalDate } from './local-date.js';
import { WorkingDayCalendar } from './working-days.js';

/** One year's holiday notice as data: what the bureau loads from configuration for a year not built in. */
export interface CalendarYear {
  year: number;
  /** Every official day off (放假), weekends inside a holiday period included. */
  holidays: LocalDate[];
  /** Every Saturday or Sunday worked in exchange (调休上班). */
  makeUpWorkdays: LocalDate[];
}

/** Outcome of {@link parseCalendarYear}: the checked year, or every problem found, each naming its field. */
export type CalendarYearResult = { ok: true; value: CalendarYear } | { ok: false; errors: string[] };

/** One festival as worded in a notice: days off as 'MM-DD' or an inclusive 'MM-DD..MM-DD', and days worked. */
type Festival = { off: string; work?: string[] };

/**
 * The State Council General Office's notices (国务院办公厅关于…年部分节假日安排的通知) for 2024 (issued
 * 2023-10-25), 2025 (2024-11-12, the first under the revised 全国年节及纪念日放假办法) and 2026 (2025-11-04).
 * 2027 must be added here when its notice is published (usually in November); until then the bureau can
 * load it as configuration through {@link parseCalendarYear} and {@link calendarFromYears}.
 */
const NOTICES: Readonly<Record<number, Readonly<Record<string, Festival>>>> = {
  2024: {
    元旦: { off: '01-01' },
    春节: { off: '02-10..02-17', work: ['02-04', '02-18'] },
    清明: { off: '04-04..04-06', work: ['04-07'] },
    劳动节: { off: '05-01..05-05', work: ['04-28', '05-11'] },
    端午: { off: '06-10' },
    中秋: { off: '09-15..09-17', work: ['09-14'] },
    国庆: { off: '10-01..10-07', work: ['09-29', '10-12'] },
  },
  2025: {
    元旦: { off: '01-01' },
    春节: { off: '01-28..02-04', work: ['01-26', '02-08'] },
    清明: { off: '04-04..04-06' },
    劳动节: { off: '05-01..05-05', work: ['04-27'] },
    端午: { off: '05-31..06-02' },
    国庆中秋: { off: '10-01..10-08', work: ['09-28', '10-11'] },
  },
  2026: {
    元旦: { off: '01-01..01-03', work: ['01-04'] },
    春节: { off: '02-15..02-23', work: ['02-14', '02-28'] },
    清明: { off: '04-04..04-06' },
    劳动节: { off: '05-01..05-05', work: ['05-09'] },
    端午: { off: '06-19..06-21' },
    中秋: { off: '09-25..09-27' },
    国庆: { off: '10-01..10-07', work: ['09-20', '10-10'] },
  },
};

/** The built-in years (2024-2026), one {@link CalendarYear} each, ascending. */
export function chinaCalendarYears(): CalendarYear[] {
  return Object.entries(NOTICES).map(([key, festivals]) => {
    const year = Number(key);
    const holidays = Object.values(festivals).flatMap(({ off }) => expand(year, off));
    const makeUpWorkdays = Object.values(festivals).flatMap(({ work = [] }) => work.map((day) => `${year}-${day}`));
    return { year, holidays, makeUpWorkdays: makeUpWorkdays.sort() };
  });
}

/** The Chinese working-day calendar for 2024-2026; dates in other years throw CalendarNotCoveredError. */
export function defaultChinaCalendar(): WorkingDayCalendar {
  return calendarFromYears(chinaCalendarYears());
}

/** A calendar covering exactly the given years (e.g. the built-in ones plus a configured 2027). */
export function calendarFromYears(years: readonly CalendarYear[]): WorkingDayCalendar {
  const seen = new Set<number>();
  for (const { year } of years) {
    if (seen.has(year)) throw new RangeError(`Calendar year ${year} is given twice`);
    seen.add(year);
  }
  return new WorkingDayCalendar({
    coveredYears: [...seen],
    holidays: years.flatMap((year) => year.holidays),
    makeUpWorkdays: years.flatMap((year) => year.makeUpWorkdays),
  });
}

/**
 * Checks an untrusted `{ year, holidays, makeUpWorkdays }` (e.g. parsed JSON from configuration) without zod,
 * so the time kernel stays dependency-free. Every error names its field, e.g. `holidays[2]: ...`.
 */
export function parseCalendarYear(json: unknown): CalendarYearResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: ['calendar year: expected an object { year, holidays, makeUpWorkdays }'] };
  }
  const input = json as Record<string, unknown>;
  const errors = Object.keys(input)
    .filter((key) => !['year', 'holidays', 'makeUpWorkdays'].includes(key))
    .map((key) => `${key}: unexpected field (expected year, holidays, makeUpWorkdays)`);
  const year = input.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    errors.push(`year: expected a four-digit integer, got ${JSON.stringify(year)}`);
    return { ok: false, errors };
  }
  const holidays = checkDates(input.holidays, 'holidays', year, errors);
  const makeUpWorkdays = checkDates(input.makeUpWorkdays, 'makeUpWorkdays', year, errors, (date) => {
    // A weekday is worked anyway, so listing one is a typo in the configuration.
    if (dayOfWeek(date) % 6 !== 0) return `${date} is not a Saturday or Sunday`;
    return holidays.includes(date) ? `${date} is also listed in holidays` : undefined;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { year, holidays, makeUpWorkdays } };
}

function checkDates(
  value: unknown,
  field: string,
  year: number,
  errors: string[],
  extraCheck: (date: LocalDate) => string | undefined = () => undefined,
): LocalDate[] {
  if (!Array.isArray(value)) {
    errors.push(`${field}: expected an array of YYYY-MM-DD dates`);
    return [];
  }
  const dates: LocalDate[] = [];
  value.forEach((date: unknown, index) => {
    const problem = dateProblem(date, year, dates) ?? extraCheck(date as LocalDate);
    if (problem) errors.push(`${field}[${index}]: ${problem}`);
    else dates.push(date as LocalDate);
  });
  return dates;
}

function dateProblem(date: unknown, year: number, seen: LocalDate[]): string | undefined {
  if (!isValidLocalDate(date)) return `${JSON.stringify(date)} is not a YYYY-MM-DD date`;
  if (!date.startsWith(`${year}-`)) return `${date} is not in ${year}`;
  return seen.includes(date) ? `${date} is listed twice` : undefined;
}

function expand(year: number, span: string): LocalDate[] {
  const [first, last = first] = span.split('..').map((day) => `${year}-${day}`) as [LocalDate, LocalDate?];
  const days: LocalDate[] = [];
  for (let day = first; compareDates(day, last) <= 0; day = addDays(day, 1)) days.push(day);
  return days;
}
