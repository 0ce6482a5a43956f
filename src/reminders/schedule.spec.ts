import { describe, expect, test } from '@jest/globals';
import { audienceOf } from './recipients.js';
import {
  calendarWith,
  DEFAULT_SETTINGS,
  escalationDay,
  planReminders,
  shiftWorkingDays,
  workingDaysAfter,
} from './schedule.js';

const calendar = calendarWith([]);

describe('working-day offsets on the Chinese calendar', () => {
  test('7 working days before 9 October 2026 skips the National Day week and counts the make-up Saturday', () => {
    // 1–7 October are off; Saturday 10 October is worked; Sunday 20 September was worked before.
    expect(shiftWorkingDays(calendar, '2026-10-09', -1)).toBe('2026-10-08');
    expect(shiftWorkingDays(calendar, '2026-10-09', -2)).toBe('2026-09-30');
    expect(shiftWorkingDays(calendar, '2026-10-09', 1)).toBe('2026-10-10');
  });
  test('a deadline on a day off is met on the next working day', () => {
    expect(shiftWorkingDays(calendar, '2026-11-22', 0)).toBe('2026-11-23');
  });
  test('a year the bureau loads replaces the fallback of Monday to Friday', () => {
    expect(shiftWorkingDays(calendar, '2027-01-04', -1)).toBe('2027-01-01');
    const with2027 = calendarWith([{ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] }]);
    expect(shiftWorkingDays(with2027, '2027-01-04', -1)).toBe('2026-12-31');
  });
  test('working days after a deadline', () => {
    expect(workingDaysAfter(calendar, '2026-11-23', '2026-11-26')).toBe(3);
    expect(escalationDay('2026-11-23', DEFAULT_SETTINGS, calendar)).toBe('2026-11-26');
  });
});

describe('which reminders a scan schedules', () => {
  test('all ahead of today', () =>
    expect(planReminders('2026-12-01', DEFAULT_SETTINGS, calendar, '2026-11-10').map((p) => [p.key, p.on])).toEqual([
      ['before7', '2026-11-20'],
      ['before1', '2026-11-30'],
      ['due', '2026-12-01'],
      ['after1', '2026-12-02'],
    ]));
  test('of those passed only the latest: an obligation found late gets one reminder, not a burst', () =>
    expect(planReminders('2026-12-01', DEFAULT_SETTINGS, calendar, '2026-12-01').map((p) => p.key)).toEqual([
      'due',
      'after1',
    ]));
  test('an obligation without a deadline has none', () =>
    expect(planReminders(null, DEFAULT_SETTINGS, calendar, '2026-12-01')).toEqual([]));
});

describe('who is reminded', () => {
  test('the catalogue\'s "Who" as the app\'s roles', () => {
    expect(audienceOf('branch_secretary')).toEqual({ roles: ['secretary'], scoped: true });
    expect(audienceOf('party_building_instructor')).toEqual({ roles: ['instructor'], scoped: true });
    expect(audienceOf('bureau_party_committee')).toEqual({ roles: ['bureau_admin', 'bureau_staff'], scoped: false });
    expect(audienceOf('probationary_member')).toEqual({ roles: ['secretary'], scoped: true });
  });
});
