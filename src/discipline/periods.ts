import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { addDays, addMonths, parseLocalDate, type LocalDate } from '../core/time/local-date.js';

const months = () => z.number().int().min(1).max(240);

/**
 * The periods of sanctions as data (domain.md §5), one version per edition of the rules with the date it
 * takes effect: a sanction takes the version in force on its decision date, and keeps it (the version id
 * is stored in its event). A bureau replaces or extends the book with DISCIPLINE_PERIODS_FILE, without a
 * release. `null`: the measure has no period (开除 ends the employment).
 */
export const periodTableSchema = z.strictObject({
  id: z.string().min(1),
  effectiveFrom: z.iso.date(),
  party: z.strictObject({
    warning: months(),
    serious_warning: months(),
    removal_from_party_posts: months(),
    /** 留党察看: the terms a decision may choose (1 or 2 years); a 1-year term may be extended to the longest. */
    party_probation: z.array(months()).min(1),
    /** 开除党籍: no readmission for this long (E6). */
    expulsion: months(),
  }),
  administrative: z.strictObject({
    warning: months(),
    demerit: months(),
    major_demerit: months(),
    post_grade_demotion: months(),
    demotion: months(),
    dismissal_from_post: months(),
    dismissal: months().nullable(),
  }),
  /** E5: after restoration from 留党察看, no post equal to or higher than the original for this long. */
  restorationRestrictionMonths: months(),
  /** E8: the least disqualification from commendations for a teacher-ethics violation. */
  ethicsDisqualificationMinimumMonths: months(),
  /** A unit with a member's violation within this window is no 先进基层党组织 (domain.md §5.3 [Local]). */
  advancedOrgWindowMonths: months(),
});
export type PeriodTable = z.output<typeof periodTableSchema>;
export const periodBookSchema = z.strictObject({ versions: z.array(periodTableSchema).min(1) });
export type PeriodBook = z.output<typeof periodBookSchema>;

/**
 * The Disciplinary Regulations as revised in 2023 (in force 2024-01-01; periods unchanged since 2015 per
 * the CCDI explanation) and the 2023 Provisions on Sanctions for Public-Institution Staff (periods treated
 * as unchanged, domain.md §5.2 [Unconfirmed]). Confirm with the bureau (§14).
 */
const table2024: PeriodTable = {
  id: '2024',
  effectiveFrom: '2024-01-01',
  party: { warning: 12, serious_warning: 18, removal_from_party_posts: 24, party_probation: [12, 24], expulsion: 60 },
  administrative: {
    warning: 6,
    demerit: 12,
    major_demerit: 18,
    post_grade_demotion: 24,
    demotion: 24,
    dismissal_from_post: 24,
    dismissal: null,
  },
  restorationRestrictionMonths: 24,
  ethicsDisqualificationMinimumMonths: 24,
  advancedOrgWindowMonths: 24,
};

/** The 2015/2018 texts: the same periods, so that older decisions are judged by a version of their time. */
const table2016: PeriodTable = { ...table2024, id: '2016', effectiveFrom: '2016-01-01' };

export const defaultPeriodBook: PeriodBook = { versions: [table2016, table2024] };

export const parsePeriodBook = (json: unknown): PeriodBook => {
  const result = periodBookSchema.safeParse(json);
  if (!result.success)
    throw new Error(
      `Invalid discipline periods: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return result.data;
};

export const loadPeriodBook = (file = process.env.DISCIPLINE_PERIODS_FILE): PeriodBook =>
  file ? parsePeriodBook(JSON.parse(readFileSync(file, 'utf8'))) : defaultPeriodBook;

export const activePeriodBook: PeriodBook = loadPeriodBook();

/** The version in force on `date`: the latest whose effective date is not after it (else the earliest). */
export const periodsInForceOn = (date: LocalDate, book: PeriodBook = activePeriodBook): PeriodTable => {
  const inForce = [...book.versions]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .filter((v) => v.effectiveFrom <= date);
  return inForce[inForce.length - 1] ?? book.versions[0];
};

/**
 * A period of `months` calendar months that starts (and restricts) on `from`, the decision's day.
 *
 * Counted as the Civil Code counts periods in months (Art. 202): it ends on the day before the
 * corresponding day, and when the end month has no corresponding day, on the last day of that month. So
 * 2025-03-01 + 12 months: last day 2026-02-28, free from 2026-03-01; 2025-08-31 + 6 months: there is no
 * 31 February, so the last day is 2026-02-28 and it is free from 2026-03-01 (not 02-28: a period never
 * shrinks because a month is short). Days are Asia/Shanghai calendar days.
 */
export const periodFrom = (from: LocalDate, months: number): { lastDay: LocalDate; freeFrom: LocalDate } => {
  const same = addMonths(from, months);
  const shortMonth = parseLocalDate(same).day !== parseLocalDate(from).day;
  const freeFrom = shortMonth ? addDays(same, 1) : same;
  return { lastDay: addDays(freeFrom, -1), freeFrom };
};
