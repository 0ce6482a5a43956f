import { chinaCalendar, refuse, workingDays } from './step-support.js';

/**
 * A9: a publicity period (公示) of at least `minimum` Chinese working days (holidays off, 调休 Saturdays
 * on), ending no later than the decision it precedes. Returns the working days counted.
 */
export const checkPublicity = (
  from: string | null | undefined,
  to: string | null | undefined,
  decidedOn: string,
  minimum: number,
  calendar = chinaCalendar,
): number => {
  if (!from || !to) {
    if (minimum === 0) return 0;
    throw refuse(
      'publicity-required',
      `须经不少于 ${minimum} 个工作日的公示`,
      `A publicity period of ${minimum} working days is required`,
      'publicityFrom',
    );
  }
  if (from > to || to > decidedOn)
    throw refuse(
      'publicity-dates',
      '公示应先开始后结束，并在决定之前结束',
      'The publicity must start before it ends and end before the decision',
      'publicityTo',
    );
  const days = workingDays(() => calendar.workingDaysBetween(from, to));
  if (days < minimum)
    throw refuse(
      'publicity-too-short',
      `公示期只有 ${days} 个工作日，应不少于 ${minimum} 个工作日`,
      `The publicity lasted ${days} working days; at least ${minimum} are required`,
      'publicityTo',
    );
  return days;
};
