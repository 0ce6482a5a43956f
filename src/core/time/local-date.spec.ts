import { describe, expect, test } from '@jest/globals';
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  compareDates,
  dayOfWeek,
  daysBetween,
  endOfMonth,
  endOfQuarter,
  isValidLocalDate,
  monthOf,
  parseLocalDate,
  quarterOf,
  shanghaiDate,
  startOfShanghaiDay,
} from './local-date.js';

describe('Shanghai day boundaries', () => {
  test.each([
    ['2026-11-22T16:30:00Z', '2026-11-23'],
    ['2026-11-22T15:59:59.999Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2026-11-23T00:00:00+08:00', '2026-11-23'],
    ['2026-11-23T07:59:59-08:00', '2026-11-23'],
  ])('%s is %s in Shanghai', (instant, expected) => {
    expect(shanghaiDate(instant)).toBe(expected);
    expect(shanghaiDate(new Date(instant))).toBe(expected);
  });

  test('refuses instants whose zone would come from the server', () => {
    expect(() => shanghaiDate('2026-11-23T00:30:00')).toThrow(/explicit zone/);
    expect(() => shanghaiDate('2026-11-23')).toThrow(/explicit zone/);
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
  });

  test('a Shanghai day starts at 16:00Z the day before', () => {
    const start = startOfShanghaiDay('2026-11-23');
    expect(start.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(shanghaiDate(start)).toBe('2026-11-23');
    expect(shanghaiDate(new Date(start.getTime() - 1))).toBe('2026-11-22');
  });
});

describe('validation and parsing', () => {
  test.each(['2024-02-29', '2000-02-29', '2026-12-31', '1000-01-01'])('%s is valid', (date) => {
    expect(isValidLocalDate(date)).toBe(true);
  });

  test.each(['2026-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '0999-12-31', 20260101, null])(
    '%p is not valid',
    (date) => expect(isValidLocalDate(date)).toBe(false),
  );

  test('parses into numbers and names the bad input', () => {
    expect(parseLocalDate('2026-11-23')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(() => parseLocalDate('2026-02-30')).toThrow('"2026-02-30"');
  });

  test('compares and sorts chronologically', () => {
    expect(compareDates('2026-01-09', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
    expect(dayOfWeek('2026-11-23')).toBe(1);
  });
});

describe('day arithmetic', () => {
  test('crosses leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });

  test('counts days with a sign', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-01-02', '2026-01-01')).toBe(-1);
  });
});

describe('month and year arithmetic clamps to the end of the month', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', 12, '2027-01-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  test.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2026-11-23', 18, '2044-11-23'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});

describe('months and quarters', () => {
  test('names the month and quarter', () => {
    expect(monthOf('2026-11-23')).toBe('2026-11');
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
  });

  test.each([
    ['2024-02-10', '2024-02-29', '2024-03-31'],
    ['2026-02-10', '2026-02-28', '2026-03-31'],
    ['1900-02-01', '1900-02-28', '1900-03-31'],
    ['2026-05-01', '2026-05-31', '2026-06-30'],
    ['2026-09-30', '2026-09-30', '2026-09-30'],
    ['2026-11-23', '2026-11-30', '2026-12-31'],
  ])('%s: month ends %s, quarter ends %s', (date, month, quarter) => {
    expect(endOfMonth(date)).toBe(month);
    expect(endOfQuarter(date)).toBe(quarter);
  });
});

describe('ageOn counts whole years', () => {
  test('turns 18 on the birthday, not before', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
    expect(ageOn('2008-11-23', '2027-11-22')).toBe(18);
    expect(ageOn('2008-11-23', '2008-11-23')).toBe(0);
  });

  test('a 29 February birthday counts on 28 February in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  test('refuses a date before the birth', () => {
    expect(() => ageOn('2008-11-23', '2008-11-22')).toThrow(/before the birth date/);
  });
});
