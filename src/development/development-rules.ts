import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { addMonths, type LocalDate } from '../core/time/local-date.js';

/**
 * The time rules of membership development as data (domain.md §4.2–4.4, §12 A1–A23), one version per
 * edition of the Detailed Rules with the date it takes effect. Deciders and the obligation read model
 * take them from `rulesInForceOn(stepDate)`, so each step is judged by the version in force on its own
 * date, and a bureau can change a local value without a release.
 *
 * A window is `{ months | workingDays, enforced }`: enforced windows refuse a late step unless the
 * command states a reason (the decision stays human); unenforced ones only set a reminder's due date.
 */
const window = z.strictObject({
  months: z.number().int().min(1).max(24).optional(),
  workingDays: z.number().int().min(1).max(60).optional(),
  enforced: z.boolean(),
});

export const ruleVersionSchema = z.strictObject({
  /** Stable id stored in events judged by this version, e.g. `2014` or `2026`. */
  id: z.string().min(1),
  effectiveFrom: z.iso.date(),
  /** Art. 5: minimum age on the application date. */
  minimumAge: z.number().int().min(16),
  /** A1, Art. 7: talk with the applicant within this window of the application. */
  talkWindow: window,
  /** A2 [Local]: minimum wait from application to activist, in months (0 = none). */
  activistMinimumWaitMonths: z.number().int().min(0),
  /** A5, Art. 11: half-yearly assessment of activists. */
  assessmentEveryMonths: z.number().int().min(1),
  /** A6 [Local]: thought reports from activists and probationary members. */
  thoughtReportEveryMonths: z.number().int().min(1),
  /** A8, Art. 13: at least this many years of cultivation as an activist before candidacy. */
  cultivationYears: z.number().int().min(1),
  /** A9: publicity before listing a candidate (working days; local in 2014, national in 2026). */
  candidatePublicityWorkingDays: z.number().int().min(0),
  /** A9 [Local]: publicity before conversion (0 = none required). */
  conversionPublicityWorkingDays: z.number().int().min(0),
  /** A12, Art. 17: concentrated training of at least this many days or class hours. */
  trainingMinimumDays: z.number().int().min(1),
  trainingMinimumClassHours: z.number().int().min(1),
  /** A13, Art. 19: a candidate leaving the unit within this many months is not processed. */
  leavingUnitMonths: z.number().int().min(1),
  /** A14 [Local]: pre-review after the branch committee's review. */
  preReviewWindow: window,
  /** A15 [Local]/2026: branch admission meeting after the pre-review. */
  admissionMeetingWindow: window,
  /**
   * Step 15 [Local]: after a vote not to admit, the candidate may not be put to the branch general meeting
   * again for this many months (0 = no wait). Judged by the version in force on the new vote's date.
   * A book written before this field existed still loads, with the built-in 6 months.
   */
  resubmissionWaitMonths: z.number().int().min(0).max(24).default(6),
  /** [Local]: a branch with fewer full members may not hold the admission or conversion meeting. */
  minimumFullMembersForMeeting: z.number().int().min(1),
  /** A16: approval within `months`; up to `hardLimitMonths` with a stated special reason. */
  approvalMonths: z.number().int().min(1),
  approvalHardLimitMonths: z.number().int().min(1),
  /** A18 (2026: "generally within 1 month" of approval). */
  oathWindow: window,
  /** Art. 32: probation of this many years from the admission meeting. */
  probationYears: z.number().int().min(1),
  /** A21, Art. 32: one extension of this many months at least and at most. */
  extensionMinimumMonths: z.number().int().min(1),
  extensionMaximumMonths: z.number().int().min(1),
  /** A19 [Local]: conversion application due this many days before probation expires. */
  conversionApplicationLeadDays: z.number().int().min(0),
  /** A22, Art. 34: approval of the conversion resolution within this many months. */
  conversionApprovalMonths: z.number().int().min(1),
  /** A23 [Local]: archive within this many days of the conversion approval. */
  archiveWithinDays: z.number().int().min(1),
});
export type DevelopmentRules = z.output<typeof ruleVersionSchema>;
export type RuleWindow = z.output<typeof window>;

/** The JSON a bureau may load (DEVELOPMENT_RULES_FILE): `{ "versions": [ <version>, … ] }`, each complete. */
export const ruleBookSchema = z.strictObject({ versions: z.array(ruleVersionSchema).min(1) });
export type RuleBook = z.output<typeof ruleBookSchema>;

/** The 2014 Detailed Rules plus the widespread local values (§4.2 [Local]); confirm them with the bureau (§14). */
const rules2014: DevelopmentRules = {
  id: '2014',
  effectiveFrom: '2014-05-28',
  minimumAge: 18,
  talkWindow: { months: 1, enforced: false },
  activistMinimumWaitMonths: 0,
  assessmentEveryMonths: 6,
  thoughtReportEveryMonths: 3,
  cultivationYears: 1,
  candidatePublicityWorkingDays: 5,
  conversionPublicityWorkingDays: 5,
  trainingMinimumDays: 3,
  trainingMinimumClassHours: 24,
  leavingUnitMonths: 3,
  preReviewWindow: { months: 1, enforced: false },
  admissionMeetingWindow: { months: 1, enforced: false },
  resubmissionWaitMonths: 6,
  minimumFullMembersForMeeting: 3,
  approvalMonths: 3,
  approvalHardLimitMonths: 6,
  oathWindow: { months: 1, enforced: false },
  probationYears: 1,
  extensionMinimumMonths: 6,
  extensionMaximumMonths: 12,
  conversionApplicationLeadDays: 7,
  conversionApprovalMonths: 3,
  archiveWithinDays: 7,
};

/**
 * The May 2026 revision as publicly reported (§4.4, [Unconfirmed in detail]): publicity, the meeting
 * window and the oath window become national. The effective date is the first public report; replace it
 * with the official one once the text is obtained (§14 question 1).
 */
const rules2026: DevelopmentRules = {
  ...rules2014,
  id: '2026',
  effectiveFrom: '2026-05-18',
  admissionMeetingWindow: { months: 1, enforced: true },
  oathWindow: { months: 1, enforced: true },
};

export const defaultRuleBook: RuleBook = { versions: [rules2014, rules2026] };

/** Validates a rule book (e.g. parsed JSON); throws an Error naming each bad field. */
export const parseRuleBook = (json: unknown): RuleBook => {
  const result = ruleBookSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid development rules: ${problems}`);
  }
  return result.data;
};

/** The default book, or the one in DEVELOPMENT_RULES_FILE when set: read once at start. */
export const loadRuleBook = (file = process.env.DEVELOPMENT_RULES_FILE): RuleBook =>
  file ? parseRuleBook(JSON.parse(readFileSync(file, 'utf8'))) : defaultRuleBook;

export const activeRuleBook: RuleBook = loadRuleBook();

/** The version in force on `date`: the latest whose effective date is not after it. */
export const rulesInForceOn = (date: LocalDate, book: RuleBook = activeRuleBook): DevelopmentRules => {
  const inForce = [...book.versions]
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .filter((version) => version.effectiveFrom <= date);
  // Before the first version (old cases being migrated), the earliest one is the best available judge.
  return inForce[inForce.length - 1] ?? book.versions[0];
};

/** The first day a candidate who failed the admission vote on `failedOn` may be voted on again. */
export const resubmissionAllowedOn = (failedOn: LocalDate, rules: DevelopmentRules): LocalDate =>
  addMonths(failedOn, rules.resubmissionWaitMonths);
