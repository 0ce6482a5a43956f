import { describe, expect, test } from '@jest/globals';
import { calendarFromYears, chinaCalendarYears, defaultChinaCalendar, parseCalendarYear } from './china-holidays.js';
import { CalendarNotCoveredError } from './working-days.js';

const calendar = defaultChinaCalendar();

describe('built-in notices', () => {
  test('cover exactly 2024-2026', () => {
    expect(calendar.years).toEqual([2024, 2025, 2026]);
    expect(() => calendar.isWorkingDay('2023-12-29')).toThrow(CalendarNotCoveredError);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(/2027/);
  });

  test.each([
    [2024, 28, ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12']],
    [2025, 28, ['01-26', '02-08', '04-27', '09-28', '10-11']],
    [2026, 33, ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10']],
  ])('%i has %i days off and make-up days %p', (year, daysOff, makeUp) => {
    const data = chinaCalendarYears().find((entry) => entry.year === year);
    expect(data?.holidays).toHaveLength(daysOff);
    expect(data?.makeUpWorkdays).toEqual(makeUp.map((day) => `${year}-${day}`));
    expect(parseCalendarYear(data)).toEqual({ ok: true, value: data });
  });

  test.each([
    ['2024-02-09', true], // 除夕 2024 was only "encouraged" as a day off, not official
    ['2024-02-10', false],
    ['2024-02-18', true], // make-up Sunday
    ['2024-06-10', false],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-08', true], // make-up Saturday
    ['2025-06-02', false],
    ['2025-10-08', false],
    ['2026-04-06', false],
    ['2026-05-05', false],
    ['2026-06-19', false],
    ['2026-09-25', false], // 中秋 2026, a Friday
  ])('%s working: %p', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });
});

describe('2026 Spring Festival', () => {
  test('Feb 15-23 off, Saturdays Feb 14 and 28 worked', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    for (let day = 15; day <= 23; day += 1) expect(calendar.isWorkingDay(`2026-02-${day}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-01')).toBe(false);
  });

  test('February 2026 has 16 working days: 20 weekdays - 6 off + 2 make-up Saturdays', () => {
    expect(calendar.workingDaysBetween('2026-02-01', '2026-02-28')).toBe(16);
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
  });
});

describe('5 working days from the Friday before National Day', () => {
  test.each([
    ['2024-09-27', '2024-10-09', '2024-10-10'], // Sun Sep 29 worked
    ['2025-09-26', '2025-10-09', '2025-10-10'], // Sun Sep 28 worked; Oct 1-8 off
    ['2026-09-25', '2026-10-09', '2026-10-09'], // that Friday is 中秋: the period starts Mon Sep 28
  ])('from %s: the period ends %s; five days after it is %s', (friday, periodEnd, fiveAfter) => {
    expect(calendar.endOfWorkingDayPeriod(friday, 5)).toBe(periodEnd);
    expect(calendar.workingDaysBetween(friday, periodEnd)).toBe(5);
    expect(calendar.addWorkingDays(friday, 5)).toBe(fiveAfter);
  });

  test('the make-up Saturday after National Day 2026 counts', () => {
    expect(calendar.workingDaysBetween('2026-10-08', '2026-10-11')).toBe(3);
    expect(calendar.endOfWorkingDayPeriod('2026-10-08', 3)).toBe('2026-10-10');
  });
});

describe('year boundaries', () => {
  test('New Year 2026 moves the next working day to the make-up Sunday', () => {
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-04');
  });

  test('running past 2026 asks for the 2027 notice', () => {
    expect(() => calendar.nextWorkingDay('2026-12-31')).toThrow(CalendarNotCoveredError);
  });
});

describe('parseCalendarYear', () => {
  const valid = { year: 2027, holidays: ['2027-01-01', '2027-02-06', '2027-02-08'], makeUpWorkdays: ['2027-02-07'] };

  test('accepts a well-formed year that can extend the default calendar', () => {
    const result = parseCalendarYear(valid);
    expect(result).toEqual({ ok: true, value: valid });
    if (!result.ok) throw new Error('unreachable');
    const extended = calendarFromYears([...chinaCalendarYears(), result.value]);
    expect(extended.isWorkingDay('2027-02-07')).toBe(true);
    expect(extended.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
  });

  test.each([
    [null, 'calendar year: expected an object'],
    [{ ...valid, year: '2027' }, 'year: expected a four-digit integer'],
    [{ ...valid, holidays: '2027-01-01' }, 'holidays: expected an array'],
    [{ ...valid, holidays: ['2027-01-01', '2027-02-30'] }, 'holidays[1]: "2027-02-30" is not a YYYY-MM-DD date'],
    [{ ...valid, holidays: ['2026-10-01'] }, 'holidays[0]: 2026-10-01 is not in 2027'],
    [{ ...valid, holidays: ['2027-01-01', '2027-01-01'] }, 'holidays[1]: 2027-01-01 is listed twice'],
    [{ ...valid, makeUpWorkdays: ['2027-02-08'] }, 'makeUpWorkdays[0]: 2027-02-08 is not a Saturday or Sunday'],
    [{ ...valid, makeUpWorkdays: ['2027-02-06'] }, 'makeUpWorkdays[0]: 2027-02-06 is also listed in holidays'],
    [{ year: 2027, holidays: [], makeupWorkdays: [] }, 'makeupWorkdays: unexpected field'],
  ])('%p is refused with "%s"', (input, message) => {
    const result = parseCalendarYear(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.join('\n')).toContain(message);
  });

  test('a year given twice is refused', () => {
    expect(() => calendarFromYears([valid, valid])).toThrow('Calendar year 2027 is given twice');
  });
});
