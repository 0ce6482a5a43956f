import { can, ROLES, SCOPED_ROLES, type Role } from '../auth/auth.facts.js';
import type { LocalDate } from '../core/time/local-date.js';
import type { DevelopmentCase } from './development-case.js';
import type { CaseStatus } from './development-steps.js';
import { RECORDS, STEP_RULES, STEPS, nextSteps, titleOf, type CommandKey, type StepKey } from './development-steps.js';
import { EXPECTED_RECORDS, type RecordTitle } from './development-records.js';
import { CATALOGUE } from './obligation-catalogue.js';
import { availableFrom } from './step-dates.js';

/** One step (or recurring record) as GET /api/development/catalogue serves it. */
export interface CatalogueCommand {
  key: CommandKey;
  /** 1–25 in the conventional numbering; null for a record that is no step of its own. */
  number: number | null;
  stage: number | null;
  zh: string;
  en: string;
  /** Prerequisite steps: the ones the server's deciders check. */
  after: StepKey[];
  /** Recorded again and again until this step is done. */
  until: StepKey | null;
  /** Case statuses that take it. */
  statuses: CaseStatus[];
  method: 'POST';
  /** Full API path; `:id` is the case id. */
  path: string;
  /** Roles whose permission (`development.<action>`) lets them send it (and attach records to it once done). */
  roles: Role[];
  /**
   * `approving_committee`: the higher committee's step (13, 16–18, 24), which a secretary takes only for
   * the committee with approval authority over the case (domain.md §4.1); null for the branch's steps.
   */
  authority: 'approving_committee' | null;
  /** The documents it normally produces (domain.md §4.2 "Record"): suggestions for its `records`. */
  records: RecordTitle[];
}

const rolesFor = (key: CommandKey): Role[] =>
  ROLES.filter((role) => can([role], 'development', STEP_RULES[key].action));

const describe = (key: CommandKey): CatalogueCommand => {
  const rule = STEP_RULES[key];
  const title = titleOf(key);
  return {
    key,
    number: title.number,
    stage: STEPS.find((step) => step.key === key)?.stage ?? null,
    zh: title.zh,
    en: title.en,
    after: rule.after,
    until: rule.until ?? null,
    statuses: rule.statuses ?? ['open'],
    method: 'POST',
    path: `/api/development/${rule.path}`,
    roles: rolesFor(key),
    authority: rule.authority ?? null,
    records: EXPECTED_RECORDS[key],
  };
};

/**
 * The steps, records and obligation titles, served so the admin (and any other client) reads the one
 * copy the server judges by instead of keeping its own. Built from static data: computed once.
 */
export const DEVELOPMENT_CATALOGUE = {
  steps: STEPS.map((step) => describe(step.key)),
  records: RECORDS.map((record) => describe(record.key)),
  obligations: CATALOGUE.map(({ code, zh, en, who }) => ({ code, zh, en, who })),
};

/** The bureau's roles speak for the approving committee on every case; a scoped role only where the route found it does. */
const unrestricted = (roles: readonly string[]) => roles.some((role) => !SCOPED_ROLES.includes(role as Role));

/**
 * May the user send `key`: the role matrix the guard applies, and for a committee's step (`authority`)
 * whether the user speaks for the committee with approval authority over the case (StepSender.approvesCase).
 */
const mayTake = (key: CommandKey, roles: readonly string[], approvesCase: boolean): boolean =>
  can(roles, 'development', STEP_RULES[key].action) && (!STEP_RULES[key].authority || approvesCase);

/** A step whose order checks pass but which a date rule holds back until `availableFrom`. */
export interface UpcomingStep {
  key: CommandKey;
  availableFrom: LocalDate;
}

/**
 * What the case read offers the user on `today`: `nextSteps`, the steps the case may take now (the
 * deciders' status, done and prerequisite checks, their not-before dates, then the role matrix the guard
 * applies and, for the higher committee's steps, `approvesCase`, by default only the bureau's roles);
 * `upcomingSteps`, those only a date rule holds back, with the day it lets them through.
 */
export const stepsOffered = (
  c: DevelopmentCase,
  roles: readonly string[],
  today: LocalDate,
  approvesCase = unrestricted(roles),
): { nextSteps: CommandKey[]; upcomingSteps: UpcomingStep[] } => {
  if (c.status === 'none') return { nextSteps: [], upcomingSteps: [] };
  const allowed = nextSteps(c).filter((key) => mayTake(key, roles, approvesCase));
  const dated = allowed.map((key) => ({ key, availableFrom: availableFrom(key, c, today) }));
  return {
    nextSteps: dated.filter((step) => !step.availableFrom).map((step) => step.key),
    upcomingSteps: dated.filter((step): step is UpcomingStep => step.availableFrom !== null),
  };
};

/**
 * The done steps the user may attach a record to (POST /api/development/cases/:id/records): the same as
 * may send the step itself.
 */
export const attachableStepsFor = (
  c: { status: CaseStatus | 'none'; done: Partial<Record<StepKey, string>> },
  roles: readonly string[],
  approvesCase = unrestricted(roles),
): StepKey[] =>
  c.status === 'none'
    ? []
    : STEPS.map((step) => step.key).filter((key) => c.done[key] && mayTake(key, roles, approvesCase));
