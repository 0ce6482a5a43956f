import type { ReadModelDb } from '../projections/projection.js';
import type { Clock } from './clock.js';
import { shanghaiDate } from './local-date.js';

/**
 * Today (Asia/Shanghai, 'YYYY-MM-DD') in SQL over the read models, from the injected clock (tests move it),
 * never SQLite's own `date('now')`. An obligation that arises with the calendar rather than with an event
 * (a month's instructor visit, a quarter's bulletin, the end of a sanction's period) needs it inside the one
 * SELECT the kernel unions (core/obligations.ts). The kernel registers it when it opens the read-model file.
 */
export const TODAY_SQL = '(SELECT clock_today())';

export const registerTodaySql = (db: ReadModelDb, clock: Clock): void => {
  db.function('clock_today', { deterministic: false }, () => shanghaiDate(clock.now()));
};
