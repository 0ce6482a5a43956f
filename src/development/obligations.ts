import type { OpenCase } from './development-case.js';
import { CATALOGUE } from './obligation-catalogue.js';

/** An open obligation of a case (catalogue §12 A1–A23), as the reminders feature will read it. */
export interface Obligation {
  code: string;
  /** null: no fixed date, only "before the next step" (A11, A12 before the pre-review). */
  dueOn: string | null;
  /** Not possible before this day (A2, A8 minimum waits, A15 resubmission wait, A20/A21 expiry); null = no such limit. */
  notBefore: string | null;
  who: string;
  zh: string;
  en: string;
}

/**
 * The case's open obligations, soonest first (undated last). Due dates come from the rule versions, so a
 * changed local value re-dates reminders on the next rebuild without touching any event.
 */
export const openObligations = (c: OpenCase): Obligation[] => {
  const live = c.status === 'open' || (c.status === 'full_member' && !c.done.archived);
  if (!live) return [];
  return CATALOGUE.filter((entry) => entry.open(c))
    .map(({ code, zh, en, who, due, notBefore }) => ({
      code,
      zh,
      en,
      who,
      dueOn: due(c),
      notBefore: notBefore?.(c) ?? null,
    }))
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
};
