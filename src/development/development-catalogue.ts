import { can as canIn, ROLES, SCOPED_ROLES, type Action, type Role } from '../core/roles.js';
import { DEVELOPMENT_PERMISSIONS } from './development.permissions.js';

/** Development's own resource, under its own matrix (the guard checks the same, merged with the others'). */
const can = (roles: readonly string[], resource: 'development', action: Action) =>
  canIn(DEVELOPMENT_PERMISSIONS, roles, resource, action);
import type { LocalDate } from '../core/time/local-date.js';
import type { DevelopmentCase } from './development-case.js';
import {
  RECORDS,
  STEP_RULES,
  STEPS,
  nextSteps,
  type CaseStatus,
  type CommandKey,
  type RecordTitle,
  type StepKey,
} from './development-steps.js';
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
  const step = STEP_RULES[key];
  return {
    key,
    number: step.number,
    stage: step.stage,
    zh: step.zh,
    en: step.en,
    after: [...step.after],
    until: step.until ?? null,
    statuses: [...(step.statuses ?? ['open'])],
    method: 'POST',
    path: `/api/development/${step.path}`,
    roles: rolesFor(key),
    authority: step.authority ?? null,
    records: [...step.records],
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
