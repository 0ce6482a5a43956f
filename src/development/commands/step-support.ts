import { z } from 'zod';
import { handleCommand, type HandleOptions } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { localDate, text } from '../../core/http/validation.js';
import type { EventStore } from '../../core/event-store/event-store.js';
import type { Command, CommandMetadata } from '../../core/messages.js';
import { addDays, addMonths, occurredOn, shanghaiDate } from '../../core/time/local-date.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import { CalendarNotCoveredError, type WorkingDayCalendar } from '../../core/time/working-days.js';
import { developmentCase, type DevelopmentCase, type OpenCase } from '../development-case.js';
import type { RuleWindow } from '../development-rules.js';
import {
  STEP_RULES,
  closedBy,
  missingPrerequisites,
  statusAllows,
  stepNumber,
  stepOf,
  titleOf,
  type CommandKey,
} from '../development-steps.js';
import { developmentStream, type DevelopmentEvent, type StepRecord } from '../development.events.js';

/** At most this many records on one step command. */
export const MAX_STEP_RECORDS = 20;

/**
 * One document a step produced (domain.md §4.2 "Record"): its title, and optionally where the paper or
 * scan is kept (archive number, file location or link) and its date. No file travels: the document
 * lives in the Party member archive. Also the body of POST /api/development/cases/:id/records.
 */
export const stepRecordShape = {
  title: text(100),
  reference: text(200).nullish(),
  on: localDate().nullish(),
};
export const stepRecordBody = z.strictObject(stepRecordShape);
export type StepRecordInput = z.output<typeof stepRecordBody>;

/**
 * A step command's body: its own fields plus the optional `records` every step accepts, so the 25
 * bodies share one schema for them.
 */
export const stepBody = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.strictObject({ ...shape, records: z.array(stepRecordBody).max(MAX_STEP_RECORDS).optional() });

/** The records as an event stores them: every field present, null when not given. */
export const toStepRecord = ({ title, reference, on }: StepRecordInput): StepRecord => ({
  title,
  reference: reference ?? null,
  on: on ?? null,
});

/** A record's date, like a step's, is entered after the fact: never in the future. */
export const recordsNotInFuture = (
  records: readonly { on?: string | null }[] | null | undefined,
  metadata: CommandMetadata,
  field = (index: number) => `records.${index}.on`,
): void =>
  (records ?? []).forEach((record, index) => {
    if (record.on) notInFuture(record.on, metadata, field(index));
  });

/** Shared by the 25 step deciders: order, dates and windows, each refusal naming its rule. */
export const refuse = (code: string, zh: string, en: string, field = 'on', status = 422) =>
  new DomainError(`development.${code}`, { zh, en }, field, status);

/** The case exists and is in a status that takes `key` (open, or full_member for the archiving). */
export const openCase = (state: DevelopmentCase, key: CommandKey): OpenCase => {
  if (state.status === 'none')
    throw refuse('case-unknown', '没有该人员的发展记录', 'No development case for this person', 'personId', 404);
  if (!statusAllows(key, state.status))
    throw refuse('case-closed', '该发展程序已终止', 'This development case has ended', 'personId', 409);
  return state;
};

/** A one-time step is not recorded twice; a recurring record not after the step that closes it. */
export const notDone = (state: OpenCase, key: CommandKey): void => {
  const closer = closedBy(key, state.done);
  if (!closer) return;
  const title = titleOf(key);
  if (closer === key)
    throw refuse(
      'step-done',
      `第${title.number}步“${title.zh}”已完成`,
      `Step ${title.number} (${title.en}) is already done`,
      'on',
      409,
    );
  throw refuse(
    'record-closed',
    `第${stepNumber(closer)}步“${stepOf(closer).zh}”已完成，不再记录“${title.zh}”`,
    `Step ${stepNumber(closer)} (${stepOf(closer).en}) is done: no more "${title.en}"`,
    'on',
    409,
  );
};

/**
 * ORDER: every prerequisite of `key` (STEP_RULES) is done, the step's date is not before any of theirs,
 * and not in the future (business dates are entered after the fact, never ahead of it).
 */
export const follows = (state: OpenCase, key: CommandKey, on: string, metadata: CommandMetadata): void => {
  const missing = missingPrerequisites(key, state.done);
  if (missing.length) {
    const names = missing.map((step) => ({ n: stepNumber(step), ...stepOf(step) }));
    throw refuse(
      'out-of-order',
      `须先完成：${names.map((s) => `第${s.n}步“${s.zh}”`).join('、')}`,
      `First complete: ${names.map((s) => `step ${s.n} (${s.en})`).join(', ')}`,
      'on',
      409,
    );
  }
  const prerequisites = STEP_RULES[key].after;
  const latest = prerequisites
    .map((step) => state.done[step] as string)
    .sort()
    .pop();
  if (latest && on < latest)
    throw refuse(
      'date-before-prerequisite',
      `日期早于前一步骤（${latest}）`,
      `The date is before the previous step (${latest})`,
    );
  notInFuture(on, metadata);
};

/** Business dates are entered after the fact, never ahead of it. */
export const notInFuture = (on: string, metadata: CommandMetadata, field = 'on'): void => {
  if (on > shanghaiDate(metadata.now))
    throw refuse('date-in-future', '日期晚于今天', 'The date is in the future', field);
};

/** The last day of a window opened on `from` (months, or working days counted after `from`). */
export const windowEnd = (from: string, window: RuleWindow, calendar = chinaCalendar): string | null => {
  if (window.months) return addMonths(from, window.months);
  if (window.workingDays) return workingDaysEnd(addDays(from, 1), window.workingDays, calendar);
  return null;
};

/** An enforced window refuses a late step unless the command states why (the decision stays human). */
export const withinWindow = (
  window: RuleWindow,
  from: string,
  on: string,
  reason: string | null | undefined,
  rule: { code: string; zh: string; en: string },
): void => {
  const end = windowEnd(from, window);
  if (!window.enforced || !end || on <= end || reason) return;
  throw refuse(
    rule.code,
    `${rule.zh}（应不晚于 ${end}），逾期须说明理由`,
    `${rule.en} (by ${end}); a late step must state its reason`,
    'delayReason',
  );
};

export const chinaCalendar: WorkingDayCalendar = defaultChinaCalendar();

/** The working-day calendar, with an unloaded year turned into a refusal users can act on. */
export const workingDays = <T>(count: () => T): T => {
  try {
    return count();
  } catch (error) {
    if (!(error instanceof CalendarNotCoveredError)) throw error;
    throw refuse(
      'calendar-not-covered',
      `${error.year} 年的节假日安排尚未载入，无法计算工作日`,
      `The holiday calendar for ${error.year} is not loaded: working days cannot be counted`,
    );
  }
};

const workingDaysEnd = (start: string, n: number, calendar: WorkingDayCalendar) =>
  workingDays(() => calendar.endOfWorkingDayPeriod(start, n));

/**
 * A step's event: the person, the business date and the records the command sent (`step`, the command's
 * data), the step's own fields, occurredAt and the unit for scoping. `records` is always written, `[]`
 * when none.
 */
export const stepEvent = <E extends DevelopmentEvent>(
  type: E['type'],
  state: Pick<OpenCase, 'personId' | 'unitId'>,
  step: { on: string; records?: StepRecordInput[] | null },
  data: Omit<E['data'], 'personId' | 'on' | 'records'>,
): E =>
  ({
    type,
    data: { personId: state.personId, on: step.on, ...data, records: (step.records ?? []).map(toStepRecord) },
    metadata: { occurredAt: occurredOn(step.on), unitIds: [state.unitId] },
  }) as E;

export type StepCommand<Type extends string, Data> = Command<Type, Data & { personId: string }>;

/**
 * The one write path of every step: the person's stream, folded, decided, appended. The records any
 * step command may carry are checked here once for all 25 (their dates not in the future).
 */
export const handleStep = (
  store: EventStore,
  command: StepCommand<string, object>,
  decide: (state: DevelopmentCase) => DevelopmentEvent | DevelopmentEvent[],
  options?: HandleOptions,
) =>
  handleCommand(
    store,
    developmentStream(command.data.personId),
    developmentCase,
    (state) => {
      recordsNotInFuture((command.data as { records?: StepRecordInput[] }).records, command.metadata);
      return decide(state);
    },
    command.metadata,
    options,
  );

/** Arts. 15–16: nobody who has not passed political review may go further. */
export const passedPoliticalReview = (state: OpenCase): void => {
  if (state.politicalReview === 'not_passed')
    throw refuse(
      'political-review-not-passed',
      '政治审查未通过的，不能发展入党（《细则》第十六条）',
      'Nobody who has not passed the political review may be admitted (Art. 16)',
    );
};
