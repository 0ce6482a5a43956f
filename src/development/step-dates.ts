import { addMonths, addYears, type LocalDate } from '../core/time/local-date.js';
import type { OpenCase } from './development-case.js';
import {
  activeRuleBook,
  resubmissionAllowedOn,
  rulesInForceOn,
  type DevelopmentRules,
  type RuleBook,
} from './development-rules.js';
import type { CommandKey } from './development-steps.js';

type Earliest = (c: OpenCase, rules: DevelopmentRules) => LocalDate | null;

/**
 * NOT BEFORE: the rules that hold a step back until a day (§4.2), each judged by the rule version in
 * force on the step's date. One copy for the deciders, which refuse an earlier date, and for the case
 * read's `nextSteps`, which offers the step only from that day and says which day it is.
 */
export const EARLIEST_ON: Partial<Record<CommandKey, Earliest>> = {
  /** Step 3 [Local] (A2): a minimum wait after the application; 0 months = none. */
  activist: (c, rules) =>
    rules.activistMinimumWaitMonths > 0
      ? addMonths(c.done.application as string, rules.activistMinimumWaitMonths)
      : null,
  /** Step 7, Art. 13 (A8): at least a year of cultivation as an activist. */
  candidate: (c, rules) => addYears(c.done.activist as string, rules.cultivationYears),
  /** Step 15 [Local]: after a vote not to admit, the wait before the candidate is put to the meeting again. */
  admissionVote: (c, rules) => (c.lastFailedVoteOn ? resubmissionAllowedOn(c.lastFailedVoteOn, rules) : null),
  /** Step 23, Arts. 32–33: not before the (possibly extended) probation has expired. */
  conversionMeeting: (c) => c.probationEnd,
};

/**
 * The first day a date rule lets the case take `key`, when that day is after `today`; null when no rule
 * holds it back (any date up to today that follows the previous steps will then do). Judged by the
 * version in force today: a step dated today is judged by it, and versions change once in years.
 */
export const availableFrom = (
  key: CommandKey,
  c: OpenCase,
  today: LocalDate,
  book: RuleBook = activeRuleBook,
): LocalDate | null => {
  const earliest = EARLIEST_ON[key]?.(c, rulesInForceOn(today, book)) ?? null;
  return earliest && earliest > today ? earliest : null;
};
