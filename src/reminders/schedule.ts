import { calendarFromYears, chinaCalendarYears, type CalendarYear } from '../core/time/china-holidays.js';
import { addDays, dayOfWeek, type LocalDate } from '../core/time/local-date.js';
import type { WorkingDayCalendar } from '../core/time/working-days.js';
import { offsetKey, type ReminderSettings } from './reminders.events.js';

/** What the county starts with until the bureau changes it: 7 and 1 working days before, the day, 1 after. */
export const DEFAULT_SETTINGS: ReminderSettings = {
  offsets: [-7, -1, 0, 1],
  escalateAfterWorkingDays: 3,
  sendHour: 8,
  digestHour: 17,
};

/** The built-in notices (2024–2026) with the years the bureau set (a set year replaces a built-in one). */
export const calendarWith = (configured: readonly CalendarYear[]): WorkingDayCalendar => {
  const years = new Map<number, CalendarYear>(chinaCalendarYears().map((y) => [y.year, y]));
  for (const year of configured) years.set(year.year, year);
  return calendarFromYears([...years.values()]);
};

/**
 * Whether `date` is worked. A year with no notice loaded counts Monday–Friday, so a reminder is still sent
 * (a day early or late around a holiday) rather than never; the bureau is asked to load the year
 * (GET /reminder-calendar lists the covered years).
 */
const worked = (calendar: WorkingDayCalendar, date: LocalDate): boolean => {
  const year = Number(date.slice(0, 4));
  if (calendar.covers(year)) return calendar.isWorkingDay(date);
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
};

/**
 * The working day `n` working days from `date`: n < 0 before it, n > 0 after it; n = 0 is the deadline's
 * own day, moved to the next working day when it falls on a day off (a deadline on a Sunday is met on Monday).
 */
export const shiftWorkingDays = (calendar: WorkingDayCalendar, date: LocalDate, n: number): LocalDate => {
  let day = date;
  while (!worked(calendar, day)) day = addDays(day, 1);
  const step = n < 0 ? -1 : 1;
  for (let counted = 0; counted < Math.abs(n);) {
    day = addDays(day, step);
    if (worked(calendar, day)) counted += 1;
  }
  return day;
};

/** Working days from `from` (excluded) to `to` (included); 0 when `to` is not after `from`. */
export const workingDaysAfter = (calendar: WorkingDayCalendar, from: LocalDate, to: LocalDate): number => {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (worked(calendar, day)) count += 1;
  return count;
};

export interface PlannedReminder {
  offset: number;
  key: string;
  /** The day it goes out (at the settings' hour, Asia/Shanghai). */
  on: LocalDate;
}

/**
 * Which of an obligation's reminders to schedule on `today`: every offset still ahead, and of those whose
 * day has passed only the latest one, so an obligation found late (a new one, or after an outage) gets
 * one reminder now instead of a burst of all it missed. Undated obligations have no reminders.
 */
export const planReminders = (
  dueOn: LocalDate | null,
  settings: ReminderSettings,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): PlannedReminder[] => {
  if (!dueOn) return [];
  const all = [...new Set(settings.offsets)]
    .sort((a, b) => a - b)
    .map((offset) => ({ offset, key: offsetKey(offset), on: shiftWorkingDays(calendar, dueOn, offset) }));
  const past = all.filter((r) => r.on <= today);
  const latestPast = past[past.length - 1];
  return all.filter((r) => r.on > today || r === latestPast);
};

/** The day an obligation still open escalates to the bureau office. */
export const escalationDay = (dueOn: LocalDate, settings: ReminderSettings, calendar: WorkingDayCalendar): LocalDate =>
  shiftWorkingDays(calendar, dueOn, settings.escalateAfterWorkingDays);
