import { z } from 'zod';
import { ValidationError, type Bilingual, type FieldIssue } from '../core/errors.js';
import { issueText, says } from '../core/http/validation.js';

/**
 * A year's assessment rules (年度目标责任考核细则) as data: sections of indicators that name event types
 * and filters, never code. The zod schema below is the one definition: requests are parsed with it and
 * its JSON Schema is published (GET /api/assessment/ruleset-schema) for the editor and for the bureau.
 * What a schema cannot say (ids unique, event types that exist, bands in order) is checked by
 * {@link ruleSetIssues}; every refusal names the JSON path at fault (`$.sections[1].indicators[0].points`).
 */

/** Points are kept in tenths (−0.1 per missing record, Example F): a point value has at most one decimal. */
const hasOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

const points = (max = 1000) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine(hasOneDecimal, { message: says('分值最多一位小数', 'must have at most one decimal place') });

const bilingual = z.strictObject({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

// Underscores too: the glossary's grade ids are `fairly_good`… (domain.md §13).
const identifier = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, {
  message: says(
    '编号只能用小写字母、数字、下划线和连字符，以字母开头',
    'must be lowercase letters, digits, underscores and dashes',
  ),
});

/** `MM-DD` of the assessment year (a due date such as the year-end summary's 12-31). */
const monthDay = z.string().refine(
  (value) => {
    const match = /^(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    const [month, day] = [Number(match[1]), Number(match[2])];
    // 02-29 would not exist in three years out of four.
    return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2025, month, 0)).getUTCDate();
  },
  { message: says('应为 MM-DD 格式的日期（不含 02-29）', 'must be a day of the year as MM-DD (not 02-29)') },
);

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** Which events of the unit an indicator counts: their types, the unit's type, fields of their data. */
const filter = z.strictObject({
  /** Only units of these types are assessed on the indicator (domain.md §1.2). */
  unitTypes: z.array(z.string().min(1).max(60)).min(1).max(10).optional(),
  /** Every field named must equal the value given (top-level fields of the event's data). */
  data: z.record(z.string().min(1).max(60), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});

const common = {
  id: identifier,
  title: bilingual,
};
const matching = {
  /** Event types as the app declares them (each feature's `*.events.ts`). */
  eventTypes: z.array(z.string().min(1).max(80)).min(1).max(20),
  filter: filter.optional(),
};

/** Points for each matching event, capped (per period when one is given). */
const countIndicator = z.strictObject({
  ...common,
  kind: z.literal('count'),
  ...matching,
  pointsEach: points(),
  cap: points(),
  period: z.enum(PERIODS).optional(),
});

/** N matching events per period; each one short deducts `deductionEach`. */
const targetIndicator = z.strictObject({
  ...common,
  kind: z.literal('target'),
  ...matching,
  period: z.enum(PERIODS),
  perPeriod: z.int().min(1).max(1000),
  deductionEach: points(),
});

/** A matching event by the due day (MM-DD of the year), late, or none by the year's end. */
const deadlineIndicator = z.strictObject({
  ...common,
  kind: z.literal('deadline'),
  ...matching,
  due: monthDay,
  /** Signed: a rule may give points for on time and deduct for late or missing. */
  points: z.strictObject({
    onTime: z
      .number()
      .min(-1000)
      .max(1000)
      .refine(hasOneDecimal, { message: says('分值最多一位小数', 'must have at most one decimal place') }),
    late: z
      .number()
      .min(-1000)
      .max(1000)
      .refine(hasOneDecimal, { message: says('分值最多一位小数', 'must have at most one decimal place') }),
    missing: z
      .number()
      .min(-1000)
      .max(1000)
      .refine(hasOneDecimal, { message: says('分值最多一位小数', 'must have at most one decimal place') }),
  }),
});

/** Points off for each matching event (a criticism notice, a member's sanction by its severity, Example F). */
const deductionIndicator = z.strictObject({
  ...common,
  kind: z.literal('deduction'),
  ...matching,
  pointsEach: points(),
  /** The deduction by the value of a data field (e.g. `sanction`: warning 3, expulsion 5); others: pointsEach. */
  severity: z
    .strictObject({ field: z.string().min(1).max(60), points: z.record(z.string().min(1).max(60), points()) })
    .optional(),
  /** One case is counted once: events with the same value of this data field are one deduction. */
  distinctBy: z.string().min(1).max(60).optional(),
  /** At most this much off in all (the section's floor at zero applies anyway). */
  cap: points().optional(),
  period: z.enum(PERIODS).optional(),
});

/** Points for each matching event (a commendation, a publication), capped. */
const bonusIndicator = z.strictObject({
  ...common,
  kind: z.literal('bonus'),
  ...matching,
  pointsEach: points(),
  cap: points(),
  period: z.enum(PERIODS).optional(),
});

/** 一票否决: one matching event caps the grade at the band named (whatever the points). */
const vetoIndicator = z.strictObject({
  ...common,
  kind: z.literal('veto'),
  ...matching,
  capAt: identifier,
});

/** Scored by an assessor (site checks, interviews, 听汇报): up to maxPoints, with a comment. */
const manualIndicator = z.strictObject({
  ...common,
  kind: z.literal('manual'),
  maxPoints: points(),
});

export const indicatorSchema = z.discriminatedUnion('kind', [
  countIndicator,
  targetIndicator,
  deadlineIndicator,
  deductionIndicator,
  bonusIndicator,
  vetoIndicator,
  manualIndicator,
]);

export const sectionSchema = z.strictObject({
  id: identifier,
  title: bilingual,
  /** The section's points: it never goes below zero ("deduct until zero") nor above this. */
  maxPoints: points(),
  /**
   * `full`: the unit starts with maxPoints and deductions take them away (the usual 扣分 table);
   * `zero`: it starts with none and earns them (count and bonus items).
   */
  start: z.enum(['full', 'zero']).default('full'),
  indicators: z.array(indicatorSchema).min(1).max(60),
});

export const gradeBandSchema = z.strictObject({
  id: identifier,
  /** The lowest total (inclusive) of the band. */
  min: points(),
  name: bilingual,
});

export const ruleSetBodySchema = z.strictObject({
  title: bilingual,
  sections: z.array(sectionSchema).min(1).max(30),
  /** Percentages combining the unit's self-assessment and the superior's score (Example D: 40/60). */
  weights: z.strictObject({ self: z.int().min(0).max(100), superior: z.int().min(0).max(100) }),
  /** From the highest band down, e.g. ≥90 先进 / ≥75 较好 / ≥60 一般 / ≥0 后进. */
  gradeBands: z.array(gradeBandSchema).min(1).max(10),
});

export type RuleSetBody = z.output<typeof ruleSetBodySchema>;
export type Section = RuleSetBody['sections'][number];
export type Indicator = z.output<typeof indicatorSchema>;
export type IndicatorKind = Indicator['kind'];
export type GradeBand = RuleSetBody['gradeBands'][number];

/** The published JSON Schema of a rule set's body (draft 2020-12), as its input is written. */
export const RULE_SET_JSON_SCHEMA = z.toJSONSchema(ruleSetBodySchema, { io: 'input', unrepresentable: 'any' });

/** `$.sections[1].indicators[0].points` for a path inside the body. */
export const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), '$');

const issue = (path: readonly PropertyKey[], code: string, message: Bilingual): FieldIssue => ({
  field: jsonPath(path),
  code,
  message,
});

/**
 * Every error of a rule set, each at its JSON path: the schema's, then the rules it cannot express.
 * `knownEventTypes`: the event types the app's features declare (AssembledFeatures.eventOwners).
 */
export const ruleSetIssues = (
  input: unknown,
  knownEventTypes: ReadonlySet<string>,
): { body: RuleSetBody | null; issues: FieldIssue[] } => {
  const parsed = ruleSetBodySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((zodIssue) => {
      const path =
        zodIssue.code === 'unrecognized_keys' && zodIssue.keys.length === 1
          ? [...zodIssue.path, zodIssue.keys[0]]
          : zodIssue.path;
      return issue(path, zodIssue.code, issueText(zodIssue));
    });
    return { body: null, issues };
  }
  const body = parsed.data;
  const issues: FieldIssue[] = [];
  const sectionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const bandIds = new Set(body.gradeBands.map((band) => band.id));
  body.sections.forEach((section, s) => {
    if (sectionIds.has(section.id))
      issues.push(issue(['sections', s, 'id'], 'duplicate', { zh: '板块编号重复', en: 'duplicate section id' }));
    sectionIds.add(section.id);
    section.indicators.forEach((indicator, i) => {
      const at = ['sections', s, 'indicators', i];
      if (indicatorIds.has(indicator.id))
        issues.push(issue([...at, 'id'], 'duplicate', { zh: '指标编号重复', en: 'duplicate indicator id' }));
      indicatorIds.add(indicator.id);
      if (indicator.kind === 'manual') return;
      indicator.eventTypes.forEach((type, t) => {
        if (!knownEventTypes.has(type))
          issues.push(
            issue([...at, 'eventTypes', t], 'unknown_event_type', {
              zh: `系统中没有事件类型“${type}”`,
              en: `no event type "${type}" exists in the app`,
            }),
          );
      });
      if (indicator.kind === 'veto' && !bandIds.has(indicator.capAt))
        issues.push(
          issue([...at, 'capAt'], 'unknown_band', {
            zh: `等次“${indicator.capAt}”不在等次列表中`,
            en: `grade band "${indicator.capAt}" is not among the grade bands`,
          }),
        );
    });
  });
  const seenBands = new Set<string>();
  body.gradeBands.forEach((band, b) => {
    if (seenBands.has(band.id))
      issues.push(issue(['gradeBands', b, 'id'], 'duplicate', { zh: '等次编号重复', en: 'duplicate grade band id' }));
    seenBands.add(band.id);
    if (b > 0 && band.min >= body.gradeBands[b - 1].min)
      issues.push(
        issue(['gradeBands', b, 'min'], 'bands_order', {
          zh: '等次应按最低分从高到低排列',
          en: 'grade bands must go from the highest minimum down',
        }),
      );
  });
  const last = body.gradeBands.length - 1;
  if (body.gradeBands[last].min !== 0)
    issues.push(
      issue(['gradeBands', last, 'min'], 'bands_floor', {
        zh: '最低等次的最低分应为 0',
        en: 'the lowest grade band must start at 0',
      }),
    );
  if (body.weights.self + body.weights.superior !== 100)
    issues.push(
      issue(['weights'], 'weights_sum', {
        zh: '自评与上级评分的权重之和应为 100',
        en: 'the self and superior weights must add up to 100',
      }),
    );
  return { body: issues.length ? null : body, issues };
};

/** The rule set's body, or a 400 naming the JSON path of each error; writes nothing. */
export const validRuleSet = (input: unknown, knownEventTypes: ReadonlySet<string>): RuleSetBody => {
  const { body, issues } = ruleSetIssues(input, knownEventTypes);
  if (!body) throw new ValidationError(issues);
  return body;
};
