/** Every date is shown as yyyy-MM-dd HH:mm in the county's time zone, whatever the browser's. */
const TIME_ZONE = 'Asia/Shanghai';

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export const formatDateTime = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

const day = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as yyyy-MM-dd in the county: the default "on" date of commands. */
export const today = (now: Date = new Date()): string => day.format(now);

/** yyyy-MM-dd plus whole months (the day clamped by the calendar, as Date.UTC does). */
export const addMonths = (date: string, months: number): string => {
  const [year, month, dayOfMonth] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, dayOfMonth)).toISOString().slice(0, 10);
};

/** B15: a committee term past its end, or ending within 3 months, needs the bureau's attention. */
export type TermState = 'none' | 'ok' | 'soon' | 'expired';

export const termState = (termEnd: string | null | undefined, on: string = today()): TermState => {
  if (!termEnd) return 'none';
  if (termEnd < on) return 'expired';
  return termEnd <= addMonths(on, 3) ? 'soon' : 'ok';
};
