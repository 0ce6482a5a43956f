/**
 * Calendar dates as `YYYY-MM-DD` strings, in the Asia/Shanghai sense of "the day".
 * Strings (not Date objects) because a deadline is a day on the bureau's wall calendar, not an instant:
 * they serialise into events unchanged and compare correctly as plain strings.
 */
export type LocalDate = string;

/** The numeric parts of a {@link LocalDate}; month is 1-12. */
export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/**
 * A fixed +8 h rather than Intl: China has kept UTC+8 without DST since 1991, and a fixed offset does not
 * depend on the ICU/tzdata the Node build ships with, nor on the server's TZ. Instants before 1991 (when
 * summer time applied) never occur here: birth dates are LocalDates, not instants.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Without an explicit zone, `new Date('2026-11-23T00:00')` reads the server's local time: refuse it.
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so '2026-02-29' is false). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Date.UTC maps years 0-99 to 1900-1999, so four-digit years from 1000 keep the arithmetic honest.
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a date into numbers; throws a RangeError naming the input when it is not a valid `YYYY-MM-DD`. */
export function parseLocalDate(date: LocalDate): LocalDateParts {
  if (!isValidLocalDate(date)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Builds a LocalDate from parts (month 1-12); throws when the parts do not name a real day. */
export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  parseLocalDate(text);
  return text;
}

/** The calendar date in Asia/Shanghai at `instant`; strings must be ISO 8601 with `Z` or an offset. */
export function shanghaiDate(instant: Date | string): LocalDate {
  if (typeof instant === 'string' && !ZONED_INSTANT.test(instant)) {
    throw new RangeError(`Instant needs an explicit zone (Z or +hh:mm): ${JSON.stringify(instant)}`);
  }
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in Asia/Shanghai (16:00Z the previous UTC day). */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`; usable as an Array#sort comparator. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return Math.sign(toEpochDay(a) - toEpochDay(b)) as -1 | 0 | 1;
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  assertInteger(days, 'days');
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of days from `from` to `to`: daysBetween('2026-01-01', '2026-01-02') === 1. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** `date` moved by `months`, clamped to the end of a shorter month: 2026-01-31 + 1 = 2026-02-28. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  assertInteger(months, 'months');
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** `date` moved by `years`, clamping 29 February to the 28th in common years. */
export function addYears(date: LocalDate, years: number): LocalDate {
  assertInteger(years, 'years');
  return addMonths(date, years * 12);
}

/** The month of `date` as 'YYYY-MM' (the key of monthly ledgers). */
export function monthOf(date: LocalDate): string {
  parseLocalDate(date);
  return date.slice(0, 7);
}

/** The quarter of `date` as 'YYYY-Qn', e.g. '2026-Q4'. */
export function quarterOf(date: LocalDate): string {
  const { year, month } = parseLocalDate(date);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** The last day of the month containing `date`. */
export function endOfMonth(date: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(date);
  return formatLocalDate({ year, month, day: daysInMonth(year, month) });
}

/** The last day of the quarter containing `date` (03-31, 06-30, 09-30 or 12-31). */
export function endOfQuarter(date: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(date);
  const lastMonth = Math.ceil(month / 3) * 3;
  return formatLocalDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) });
}

/**
 * Age in whole years on `onDate`: the count goes up on the birthday itself (a 29 February birthday counts
 * on 28 February in common years, as {@link addYears} does). Where a rule counts only from the day after
 * the birthday, call `ageOn(birth, addDays(on, -1))`. Throws when `onDate` is before the birth date.
 */
export function ageOn(birthDate: LocalDate, onDate: LocalDate): number {
  if (compareDates(onDate, birthDate) < 0) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  const years = parseLocalDate(onDate).year - parseLocalDate(birthDate).year;
  return compareDates(addYears(birthDate, years), onDate) > 0 ? years - 1 : years;
}

/** Number of days in a month (1-12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week of `date`: 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
}

function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDate {
  const text = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
  if (!isValidLocalDate(text)) throw new RangeError(`Date out of range (years 1000-9999): ${text}`);
  return text;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertInteger(n: number, name: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

/** Business time for a fact known only by its date: 00:00 Asia/Shanghai that day, as ISO 8601. */
export function occurredOn(date: LocalDate): string {
  return startOfShanghaiDay(date).toISOString();
}
