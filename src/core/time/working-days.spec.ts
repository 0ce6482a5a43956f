import { describe, expect, test } from '@jest/globals';
import { CalendarNotCoveredError, WorkingDayCalendar } from './working-days.js';

// A small calendar shaped like National Day 2026: Oct 1-7 off, Sun Sep 20 and Sat Oct 10 worked.
const calendar = new WorkingDayCalendar({
  coveredYears: [2026],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-09-20', '2026-10-10'],
});

describe('isWorkingDay', () => {
  test.each([
    ['2026-09-18', true], // Friday
    ['2026-09-19', false], // Saturday
    ['2026-09-20', true], // make-up Sunday
    ['2026-10-01', false], // Thursday, holiday
    ['2026-10-03', false], // Saturday inside the holiday
    ['2026-10-08', true], // Thursday after
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-11', false], // Sunday
  ])('%s → %p', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('addWorkingDays: the n-th working day strictly after the date', () => {
  test.each([
    ['2026-09-30', 0, '2026-09-30'],
    ['2026-10-03', 0, '2026-10-03'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-01', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-25', 5, '2026-10-09'],
  ])('%s + %i = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  test('refuses negative or fractional counts', () => {
    expect(() => calendar.addWorkingDays('2026-10-08', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-10-08', 1.5)).toThrow(RangeError);
  });

  test('nextWorkingDay is strictly after; firstWorkingDayFrom may be the day itself', () => {
    expect(calendar.nextWorkingDay('2026-10-01')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-08')).toBe('2026-10-09');
    expect(calendar.firstWorkingDayFrom('2026-10-01')).toBe('2026-10-08');
    expect(calendar.firstWorkingDayFrom('2026-10-08')).toBe('2026-10-08');
  });
});

describe('workingDaysBetween counts both ends', () => {
  test.each([
    ['2026-10-08', '2026-10-08', 1],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-10-08', '2026-10-12', 4], // Thu, Fri, make-up Sat, Mon
    ['2026-09-28', '2026-10-09', 5],
    ['2026-10-12', '2026-10-08', 0],
  ])('[%s, %s] holds %i', (from, to, expected) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(expected);
  });
});

describe('endOfWorkingDayPeriod', () => {
  test('a 5-working-day period starting on a working day ends on addWorkingDays(start, 4)', () => {
    expect(calendar.endOfWorkingDayPeriod('2026-10-08', 5)).toBe('2026-10-13');
    expect(calendar.addWorkingDays('2026-10-08', 4)).toBe('2026-10-13');
  });

  test('a period starting on a day off begins on the next working day', () => {
    expect(calendar.endOfWorkingDayPeriod('2026-10-01', 1)).toBe('2026-10-08');
    expect(calendar.endOfWorkingDayPeriod('2026-10-03', 3)).toBe('2026-10-10');
  });

  test('always holds exactly n working days counted inclusively from the start', () => {
    for (const start of ['2026-09-18', '2026-09-19', '2026-09-30', '2026-10-01', '2026-10-09']) {
      for (const n of [1, 2, 5, 10]) {
        const end = calendar.endOfWorkingDayPeriod(start, n);
        expect(calendar.isWorkingDay(end)).toBe(true);
        expect(calendar.workingDaysBetween(start, end)).toBe(n);
      }
    }
  });

  test('refuses an empty period', () => {
    expect(() => calendar.endOfWorkingDayPeriod('2026-10-08', 0)).toThrow(RangeError);
  });
});

describe('coverage', () => {
  test('knows its years', () => {
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.years).toEqual([2026]);
  });

  test('an uncovered year throws CalendarNotCoveredError naming the year', () => {
    const error = captureError(() => calendar.isWorkingDay('2027-01-04'));
    expect(error).toBeInstanceOf(CalendarNotCoveredError);
    expect(error).toMatchObject({ name: 'CalendarNotCoveredError', year: 2027 });
    expect((error as Error).message).toContain('2027');
    expect(() => calendar.isWorkingDay('2025-12-31')).toThrow(CalendarNotCoveredError);
  });

  test('arithmetic that runs into an uncovered year throws instead of guessing', () => {
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(CalendarNotCoveredError);
    expect(() => calendar.workingDaysBetween('2026-12-01', '2027-01-31')).toThrow(/2027/);
  });
});

describe('construction checks the data', () => {
  const build = (holidays: string[], makeUpWorkdays: string[]) =>
    new WorkingDayCalendar({ coveredYears: [2026], holidays, makeUpWorkdays });

  test.each([
    [['2026-02-30'], [], /holidays: "2026-02-30"/],
    [['2027-01-01'], [], /holidays: 2027-01-01 is in 2027/],
    [[], ['2026-10-09'], /makeUpWorkdays: 2026-10-09 is not a Saturday or Sunday/],
    [['2026-10-10'], ['2026-10-10'], /also listed in holidays/],
  ])('holidays %p, make-up %p are refused', (holidays, makeUp, message) => {
    expect(() => build(holidays, makeUp)).toThrow(message);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
