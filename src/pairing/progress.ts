import { daysBetween } from '../core/time/local-date.js';

/** The targets of a term (domain.md §12 C4): at least 3 backbone teachers trained and 3 new members; every norm met. */
export const TEACHERS_TARGET = 3;
export const MEMBERS_TARGET = 3;

/** One target: how far it is, how far a straight line from the term's start to its end says it should be today. */
export interface TargetProgress {
  done: number;
  target: number;
  /** Where a steady pace would be by today: the target × the share of the term gone, rounded down. */
  expectedByNow: number;
  met: boolean;
  /** The day the target was reached (the date of the fact that reached it); null while not met. */
  metOn: string | null;
  behindPace: boolean;
}

export interface PairingProgress {
  /** The day the progress is judged on: today, or the last day of an ended term. */
  asOf: string;
  /** The share of the term gone by `asOf`, 0 to 1. */
  elapsed: number;
  teachers: TargetProgress;
  members: TargetProgress;
  norms: TargetProgress;
  /** Any target behind its straight-line pace. */
  behindPace: boolean;
  /** Every target met. */
  allMet: boolean;
}

/**
 * Progress against a target given the dates of the facts that count (sorted or not), on the term's
 * `asOf` day. Pace is a straight line: after a third of the term a third of the target is expected.
 */
export const targetProgress = (dates: readonly string[], target: number, elapsed: number): TargetProgress => {
  const sorted = [...dates].sort();
  const done = sorted.length;
  const expectedByNow = Math.floor(target * elapsed + 1e-9);
  const met = done >= target;
  return {
    done,
    target,
    expectedByNow,
    met,
    metOn: met && target > 0 ? sorted[target - 1] : null,
    behindPace: !met && done < expectedByNow,
  };
};

/** The share of the term from `startOn` to `lastDay` (inclusive) gone by `asOf`. */
export const termElapsed = (startOn: string, lastDay: string, asOf: string) => {
  const total = daysBetween(startOn, lastDay) + 1;
  const gone = Math.min(Math.max(daysBetween(startOn, asOf) + 1, 0), total);
  return total > 0 ? gone / total : 1;
};

export const pairingProgress = (
  term: { startOn: string; endsOn: string; endedOn: string | null },
  facts: { teachers: readonly string[]; members: readonly string[]; normsMet: readonly string[]; normCount: number },
  today: string,
): PairingProgress => {
  const lastDay = term.endedOn ?? term.endsOn;
  const asOf = today < lastDay ? today : lastDay;
  const elapsed = termElapsed(term.startOn, lastDay, asOf);
  const teachers = targetProgress(facts.teachers, TEACHERS_TARGET, elapsed);
  const members = targetProgress(facts.members, MEMBERS_TARGET, elapsed);
  const norms = targetProgress(facts.normsMet, facts.normCount, elapsed);
  const all = [teachers, members, norms];
  return {
    asOf,
    elapsed: Math.round(elapsed * 1000) / 1000,
    teachers,
    members,
    norms,
    behindPace: all.some((t) => t.behindPace),
    allMet: all.every((t) => t.met),
  };
};
