import type { Bilingual } from '../core/errors.js';
import type { RecordedEvent } from '../core/messages.js';
import { endOfMonth, endOfQuarter, monthOf, quarterOf, shanghaiDate } from '../core/time/local-date.js';
import type { GradeBand, Indicator, IndicatorKind, Period, RuleSetBody, Section } from './rule-set.js';

/** The unit being scored, as far as rules look at it: its type for `filter.unitTypes`. */
export interface ScoredUnit {
  id: string;
  type: string | null;
}

/** An event behind a point: its business day (what counts) and when it was recorded (shown beside). */
export interface ExplainingEvent {
  id: string;
  type: string;
  occurredOn: string;
  recordedAt: string;
}

/**
 * One line of the explanation. `start`: the section's full points it deducts from; `floor`/`ceiling`:
 * what keeps the section between 0 and its maximum; `cap`: what an indicator's cap gives back. Every
 * point of the total is on exactly one line.
 */
export interface ScoreItem {
  indicator: string | null;
  kind: IndicatorKind | 'start' | 'floor' | 'ceiling' | 'cap';
  title: Bilingual;
  /** 'YYYY', 'YYYY-Qn' or 'YYYY-MM'. */
  period: string;
  points: number;
  events: ExplainingEvent[];
  note?: Bilingual;
}

export interface SectionScore {
  section: string;
  title: Bilingual;
  maxPoints: number;
  points: number;
  items: ScoreItem[];
}

export interface UnitScore {
  unitId: string;
  year: number;
  /** The last business day counted. */
  asOf: string;
  total: number;
  grade: { id: string; name: Bilingual };
  /** The veto (一票否决) that capped the grade, if one did. */
  vetoedBy: { indicator: string; capAt: string } | null;
  sections: SectionScore[];
}

/** Points as integer tenths, so that the lines add up exactly to the total. */
const tenths = (points: number) => Math.round(points * 10);
// `|| 0`: no -0 in the answer (a shortfall of none times a deduction).
const fromTenths = (value: number) => value / 10 || 0;

interface Line extends Omit<ScoreItem, 'points'> {
  tenths: number;
}

/**
 * The business day of an instant, remembered: a year's events share few distinct `occurredAt` values
 * (most are a day's midnight), and scoring every unit asks for each of them several times.
 */
const days = new Map<string, string>();
export const businessDay = (occurredAt: string): string => {
  let day = days.get(occurredAt);
  if (day === undefined) {
    if (days.size >= 100_000) days.clear();
    days.set(occurredAt, (day = shanghaiDate(occurredAt)));
  }
  return day;
};

const explain = (event: RecordedEvent): ExplainingEvent => ({
  id: event.id,
  type: event.type,
  occurredOn: businessDay(event.metadata.occurredAt),
  recordedAt: event.metadata.recordedAt,
});

/**
 * The period key of a business day. The days come from `businessDay` (valid by construction), so the
 * key is cut from the text rather than parsed again: this runs for every fact of every re-score.
 */
const periodOf = (day: string, period: Period | undefined): string =>
  period === 'month'
    ? day.slice(0, 7)
    : period === 'quarter'
      ? `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`
      : day.slice(0, 4);

/** Every period of the year with its last day, in order. */
const periodsOfYear = (year: number, period: Period): { key: string; end: string }[] => {
  if (period === 'year') return [{ key: String(year), end: `${year}-12-31` }];
  const months = Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01`);
  if (period === 'month') return months.map((first) => ({ key: monthOf(first), end: endOfMonth(first) }));
  return [0, 3, 6, 9].map((m) => ({ key: quarterOf(months[m]), end: endOfQuarter(months[m]) }));
};

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const at = key(item);
    const group = groups.get(at);
    if (group) group.push(item);
    else groups.set(at, [item]);
  }
  return groups;
};

const NOT_APPLICABLE: Bilingual = { zh: '不适用于该类单位', en: 'does not apply to this type of unit' };

type Matching = Exclude<Indicator, { kind: 'manual' }>;

const applies = (indicator: Matching, unit: ScoredUnit) =>
  !indicator.filter?.unitTypes || (unit.type !== null && indicator.filter.unitTypes.includes(unit.type));

const matches = (indicator: Matching, event: RecordedEvent) => {
  if (!indicator.eventTypes.includes(event.type)) return false;
  const data = (event.data ?? {}) as Record<string, unknown>;
  return Object.entries(indicator.filter?.data ?? {}).every(([field, value]) => data[field] === value);
};

interface Counted {
  event: RecordedEvent;
  day: string;
}

/** Points for each event, at most `cap` per period (count and bonus). */
const earned = (indicator: Matching & { pointsEach: number; cap: number }, counted: Counted[], year: number) => {
  const period = 'period' in indicator ? indicator.period : undefined;
  const groups = groupBy(counted, ({ day }) => periodOf(day, period));
  if (groups.size === 0) return [line(indicator, String(year), 0, [])];
  return [...groups].map(([key, group]) => {
    const uncapped = group.length * tenths(indicator.pointsEach);
    const capped = Math.min(uncapped, tenths(indicator.cap));
    return line(
      indicator,
      key,
      capped,
      group.map(({ event }) => event),
      capped < uncapped ? { zh: `已达上限 ${indicator.cap} 分`, en: `capped at ${indicator.cap}` } : undefined,
    );
  });
};

const line = (
  indicator: Indicator,
  period: string,
  points: number,
  events: RecordedEvent[],
  note?: Bilingual,
): Line => ({
  indicator: indicator.id,
  kind: indicator.kind,
  title: indicator.title,
  period,
  tenths: points,
  events: events.map(explain),
  ...(note ? { note } : {}),
});

/** Each target period judged once it has ended: one deduction for each event short. */
const target = (indicator: Extract<Indicator, { kind: 'target' }>, counted: Counted[], year: number, asOf: string) => {
  const groups = groupBy(counted, ({ day }) => periodOf(day, indicator.period));
  return periodsOfYear(year, indicator.period).map(({ key, end }) => {
    const events = (groups.get(key) ?? []).map(({ event }) => event);
    const short = Math.max(0, indicator.perPeriod - events.length);
    if (end > asOf)
      return line(indicator, key, 0, events, {
        zh: `本期未结束（已有 ${events.length}/${indicator.perPeriod}）`,
        en: `period not over (${events.length}/${indicator.perPeriod} so far)`,
      });
    return line(
      indicator,
      key,
      -short * tenths(indicator.deductionEach),
      events,
      short
        ? { zh: `少 ${short} 次`, en: `${short} short` }
        : { zh: `达到 ${indicator.perPeriod} 次`, en: `${indicator.perPeriod} reached` },
    );
  });
};

/** The first matching event of the year decides: by the due day, after it, or none by the year's end. */
const deadline = (
  indicator: Extract<Indicator, { kind: 'deadline' }>,
  counted: Counted[],
  year: number,
  asOf: string,
) => {
  const due = `${year}-${indicator.due}`;
  const first = counted[0];
  if (first && first.day <= due)
    return [
      line(indicator, String(year), tenths(indicator.points.onTime), [first.event], { zh: '按期', en: 'on time' }),
    ];
  if (first)
    return [line(indicator, String(year), tenths(indicator.points.late), [first.event], { zh: '逾期', en: 'late' })];
  if (asOf <= due)
    return [line(indicator, String(year), 0, [], { zh: `未到期（${due}）`, en: `not due yet (${due})` })];
  if (asOf < `${year}-12-31`)
    return [
      line(indicator, String(year), tenths(indicator.points.late), [], {
        zh: '已逾期，尚未完成',
        en: 'overdue, not done yet',
      }),
    ];
  return [line(indicator, String(year), tenths(indicator.points.missing), [], { zh: '全年未完成', en: 'missing' })];
};

/**
 * Points off for each case: events sharing the `distinctBy` value are one case, deducted once at the
 * heaviest severity among them (Example F: no double counting). A cap gives back what exceeds it.
 */
const deduction = (indicator: Extract<Indicator, { kind: 'deduction' }>, counted: Counted[], year: number) => {
  const valueOf = (event: RecordedEvent, field: string) => {
    const value = ((event.data ?? {}) as Record<string, unknown>)[field];
    return value === undefined || value === null ? undefined : String(value);
  };
  const severityOf = (event: RecordedEvent) => {
    const value = indicator.severity && valueOf(event, indicator.severity.field);
    const points = value !== undefined && indicator.severity ? indicator.severity.points[value] : undefined;
    return tenths(points ?? indicator.pointsEach);
  };
  const cases = groupBy(counted, ({ event }) =>
    indicator.distinctBy ? (valueOf(event, indicator.distinctBy) ?? `event:${event.id}`) : `event:${event.id}`,
  );
  if (cases.size === 0) return [line(indicator, String(year), 0, [])];
  const lines: Line[] = [];
  const offByPeriod = new Map<string, number>();
  for (const group of cases.values()) {
    const period = periodOf(group[0].day, indicator.period);
    const off = Math.max(...group.map(({ event }) => severityOf(event)));
    offByPeriod.set(period, (offByPeriod.get(period) ?? 0) + off);
    lines.push(
      line(
        indicator,
        period,
        -off,
        group.map(({ event }) => event),
        group.length > 1
          ? { zh: `同一事项 ${group.length} 条记录，只扣一次`, en: `one case, ${group.length} records, counted once` }
          : undefined,
      ),
    );
  }
  if (indicator.cap !== undefined)
    for (const [period, off] of offByPeriod)
      if (off > tenths(indicator.cap))
        lines.push({
          indicator: indicator.id,
          kind: 'cap',
          title: indicator.title,
          period,
          tenths: off - tenths(indicator.cap),
          events: [],
          note: { zh: `扣分以 ${indicator.cap} 分为限`, en: `deductions capped at ${indicator.cap}` },
        });
  return lines;
};

/** Points an assessor gave manual items, by indicator id (self-assessment or the superior's scoring). */
export type ManualPoints = ReadonlyMap<string, { points: number; comment: string | null }>;

const NO_MANUAL: ManualPoints = new Map();

/**
 * A manual item's line: awaiting the assessor until scored. In a `full` section the item's maximum is
 * already in the section's start, so what it gives is the shortfall (points − max); in a `zero` section,
 * the points.
 */
const manualLine = (
  indicator: Extract<Indicator, { kind: 'manual' }>,
  start: Section['start'],
  manual: ManualPoints,
  year: number,
) => {
  const given = manual.get(indicator.id);
  if (!given) return line(indicator, String(year), 0, [], { zh: '待评分（人工评分项）', en: 'awaiting the assessor' });
  const points = tenths(Math.min(given.points, indicator.maxPoints));
  const note = given.comment
    ? {
        zh: `评分 ${given.points}/${indicator.maxPoints}：${given.comment}`,
        en: `${given.points}/${indicator.maxPoints}: ${given.comment}`,
      }
    : { zh: `评分 ${given.points}/${indicator.maxPoints}`, en: `${given.points}/${indicator.maxPoints}` };
  return line(indicator, String(year), start === 'full' ? points - tenths(indicator.maxPoints) : points, [], note);
};

const indicatorLines = (
  indicator: Indicator,
  unit: ScoredUnit,
  events: Counted[],
  year: number,
  asOf: string,
  start: Section['start'] = 'full',
  manual: ManualPoints = NO_MANUAL,
) => {
  if (indicator.kind === 'manual') return [manualLine(indicator, start, manual, year)];
  if (!applies(indicator, unit)) return [line(indicator, String(year), 0, [], NOT_APPLICABLE)];
  const counted = events.filter(({ event }) => matches(indicator, event));
  switch (indicator.kind) {
    case 'count':
    case 'bonus':
      return earned(indicator, counted, year);
    case 'target':
      return target(indicator, counted, year, asOf);
    case 'deadline':
      return deadline(indicator, counted, year, asOf);
    case 'deduction':
      return deduction(indicator, counted, year);
    case 'veto':
      return [
        line(
          indicator,
          String(year),
          0,
          counted.map(({ event }) => event),
          counted.length
            ? { zh: `一票否决：等次不高于“${indicator.capAt}”`, en: `veto: grade at most "${indicator.capAt}"` }
            : undefined,
        ),
      ];
  }
};

/** A section's lines: its start, each indicator's, and what keeps it between 0 and its maximum. */
const sectionLines = (
  section: Section,
  unit: ScoredUnit,
  events: Counted[],
  year: number,
  asOf: string,
  manual: ManualPoints,
): Line[] => {
  const lines: Line[] = [];
  const max = tenths(section.maxPoints);
  if (section.start === 'full')
    lines.push({
      indicator: null,
      kind: 'start',
      title: section.title,
      period: String(year),
      tenths: max,
      events: [],
      note: {
        zh: `本项满分 ${section.maxPoints} 分，扣完为止`,
        en: `full ${section.maxPoints} points, deducted down to 0`,
      },
    });
  for (const indicator of section.indicators)
    lines.push(...indicatorLines(indicator, unit, events, year, asOf, section.start, manual));
  const raw = lines.reduce((sum, { tenths: points }) => sum + points, 0);
  const bound = (kind: 'floor' | 'ceiling', points: number, note: Bilingual) =>
    lines.push({ indicator: null, kind, title: section.title, period: String(year), tenths: points, events: [], note });
  if (raw < 0) bound('floor', -raw, { zh: '扣完为止，本项不低于 0 分', en: 'deducted down to 0, never below' });
  if (raw > max)
    bound('ceiling', max - raw, { zh: `本项不超过 ${section.maxPoints} 分`, en: `at most ${section.maxPoints}` });
  return lines;
};

const gradeOf = (bands: readonly GradeBand[], total: number, capAt: string[]): GradeBand => {
  let index = bands.findIndex((band) => total >= tenths(band.min));
  if (index < 0) index = bands.length - 1;
  for (const id of capAt)
    index = Math.max(
      index,
      bands.findIndex((band) => band.id === id),
    );
  return bands[index];
};

/**
 * A unit's score for a year under a rule set: pure, from the unit's events (EventStore.readUnit) taken by
 * business time (the Asia/Shanghai day of `occurredAt` in the year, up to `asOf`, the year's end by
 * default). Every point is on a line naming the indicator, the period and the events behind it, and the
 * lines of each section add up exactly (in tenths) to its points, the sections to the total.
 */
export const score = (
  ruleSet: RuleSetBody,
  unit: ScoredUnit,
  events: readonly RecordedEvent[],
  year: number,
  asOf: string = `${year}-12-31`,
): UnitScore => scoreWithManual(ruleSet, unit, events, year, asOf, NO_MANUAL);

/**
 * {@link score} with the manual items scored (by the unit itself or by the bureau): the self-assessment
 * and the superior's score are each this, with their own points for the manual items.
 */
export const scoreWithManual = (
  ruleSet: RuleSetBody,
  unit: ScoredUnit,
  events: readonly RecordedEvent[],
  year: number,
  asOf: string,
  manual: ManualPoints,
): UnitScore => {
  const counted = events
    .filter((event) => event.metadata.unitIds?.includes(unit.id))
    .map((event) => ({ event, day: businessDay(event.metadata.occurredAt) }))
    .filter(({ day }) => day.startsWith(`${year}-`) && day <= asOf)
    .sort((a, b) => a.day.localeCompare(b.day) || (a.event.position < b.event.position ? -1 : 1));
  let total = 0;
  const sections = ruleSet.sections.map((section) => {
    const lines = sectionLines(section, unit, counted, year, asOf, manual);
    const points = lines.reduce((sum, { tenths: value }) => sum + value, 0);
    total += points;
    return {
      section: section.id,
      title: section.title,
      maxPoints: section.maxPoints,
      points: fromTenths(points),
      items: lines.map(({ tenths: value, ...rest }) => ({ ...rest, points: fromTenths(value) })),
    };
  });
  const vetoes = ruleSet.sections
    .flatMap((section) => section.indicators)
    .filter((indicator): indicator is Extract<Indicator, { kind: 'veto' }> => indicator.kind === 'veto')
    .filter((veto) => applies(veto, unit) && counted.some(({ event }) => matches(veto, event)));
  const grade = gradeOf(
    ruleSet.gradeBands,
    total,
    vetoes.map((veto) => veto.capAt),
  );
  const applied = vetoes.find((veto) => veto.capAt === grade.id) ?? null;
  return {
    unitId: unit.id,
    year,
    asOf,
    total: fromTenths(total),
    grade: { id: grade.id, name: grade.name },
    vetoedBy:
      applied && gradeOf(ruleSet.gradeBands, total, []).id !== grade.id
        ? { indicator: applied.id, capAt: applied.capAt }
        : null,
    sections,
  };
};

/** The grade band of a total in points (a combined result), capped at the band of a veto when one applies. */
export const gradeForTotal = (bands: readonly GradeBand[], total: number, capAt: readonly string[] = []): GradeBand =>
  gradeOf(bands, tenths(total), [...capAt]);
