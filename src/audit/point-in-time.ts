import { ValidationError, type FieldIssue } from '../core/errors.js';
import { addDays, isValidLocalDate, startOfShanghaiDay } from '../core/time/local-date.js';
import type { PointInTime } from '../assessment/assessment.facts.js';

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The last instant of a day of the county's calendar: "as of 15 October" counts all of that day. */
export const endOfShanghaiDay = (day: string): string =>
  new Date(startOfShanghaiDay(addDays(day, 1)).getTime() - 1).toISOString();

const issue = (field: string, zh: string, en: string): FieldIssue => ({
  field,
  code: 'invalid_point',
  message: { zh, en },
});

/** What a reader may send for a point, by the names of the query (with a prefix for the diff's two points). */
export interface PointQuery {
  asOf?: unknown;
  knownAt?: unknown;
  position?: unknown;
}

/**
 * Reads a point from the query: `asOf` a day (business time, the whole day included); `knownAt` a day
 * (the end of it) or an ISO instant with its zone (record time); `position` a global position (record
 * time). Anything else is a 400 naming the field; `issues` collects them so that both points of a diff
 * are checked at once.
 */
export const parsePoint = (query: PointQuery, prefix = '', issues: FieldIssue[] = []): PointInTime => {
  const name = (field: string) => (prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field);
  const point: PointInTime = {};
  const present = (value: unknown) => value !== undefined && value !== '';
  if (present(query.asOf)) {
    if (isValidLocalDate(query.asOf)) point.occurredBy = endOfShanghaiDay(query.asOf);
    else issues.push(issue(name('asOf'), '应为日期，格式 YYYY-MM-DD', 'must be a date, YYYY-MM-DD'));
  }
  if (present(query.knownAt)) {
    const value = query.knownAt;
    if (isValidLocalDate(value)) point.recordedBy = endOfShanghaiDay(value);
    else if (typeof value === 'string' && ZONED_INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      point.recordedBy = new Date(value).toISOString();
    else
      issues.push(
        issue(
          name('knownAt'),
          '应为日期（YYYY-MM-DD）或带时区的时间（ISO 8601）',
          'must be a date (YYYY-MM-DD) or an instant with its zone (ISO 8601)',
        ),
      );
  }
  if (present(query.position)) {
    const value = query.position;
    if (typeof value === 'string' && /^[1-9]\d{0,18}$/.test(value)) point.atPosition = BigInt(value);
    else issues.push(issue(name('position'), '应为正整数（日志序号）', 'must be a positive integer (a log position)'));
  }
  if (!prefix && issues.length) throw new ValidationError(issues);
  return point;
};

/** The two points of a diff (`fromAsOf`, `toKnownAt`…), every wrong field named in one 400. */
export const parseTwoPoints = (query: Record<string, unknown>): { from: PointInTime; to: PointInTime } => {
  const issues: FieldIssue[] = [];
  const side = (prefix: 'from' | 'to') =>
    parsePoint(
      { asOf: query[`${prefix}AsOf`], knownAt: query[`${prefix}KnownAt`], position: query[`${prefix}Position`] },
      prefix,
      issues,
    );
  const points = { from: side('from'), to: side('to') };
  if (issues.length) throw new ValidationError(issues);
  return points;
};

/** A point in words, for exports and the CLI. */
export const describePoint = (point: PointInTime): { zh: string; en: string } => {
  const zh: string[] = [];
  const en: string[] = [];
  if (point.occurredBy) {
    zh.push(`截至业务时间 ${point.occurredBy}`);
    en.push(`as of ${point.occurredBy}`);
  }
  if (point.recordedBy) {
    zh.push(`按 ${point.recordedBy} 时的记录`);
    en.push(`as known at ${point.recordedBy}`);
  }
  if (point.atPosition !== undefined) {
    zh.push(`按日志序号 ${point.atPosition} 时的记录`);
    en.push(`as known at position ${point.atPosition}`);
  }
  return zh.length ? { zh: zh.join('，'), en: en.join(', ') } : { zh: '当前全部记录', en: 'everything known now' };
};
