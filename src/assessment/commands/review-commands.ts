import { z } from 'zod';
import type { StreamModel } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import type { Command } from '../../core/messages.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import type { WorkingDayCalendar } from '../../core/time/working-days.js';
import type {
  AssessmentObjectionRaised,
  AssessmentResultFinalised,
  ManualItemPoints,
  ManualItemsScored,
  ReviewEvent,
  ScoreAdjusted,
} from '../assessment.events.js';

/** The unit may object within this many working days of the bureau's latest scoring or adjustment. */
export const OBJECTION_WORKING_DAYS = 5;

const tenthsOnly = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
const text = (max: number) => z.string().trim().min(1).max(max);

export const scoreItemsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        indicator: z.string().min(1).max(40),
        points: z.number().min(0).max(1000).refine(tenthsOnly, { message: 'at most one decimal place' }),
        comment: text(500).nullable().optional(),
      }),
    )
    .min(1)
    .max(60),
});
export const adjustScoreBody = z.strictObject({
  points: z
    .number()
    .min(-100)
    .max(100)
    .refine((value) => value !== 0 && tenthsOnly(value), { message: 'non-zero, at most one decimal place' }),
  reason: text(500),
});
export const objectionBody = z.strictObject({ kind: z.enum(['comment', 'objection']), text: text(2000) });

export interface ManualIndicator {
  id: string;
  maxPoints: number;
}

export type ScoreManualItems = Command<
  'ScoreManualItems',
  {
    year: number;
    unitId: string;
    version: number;
    by: 'self' | 'superior';
    items: { indicator: string; points: number; comment?: string | null }[];
    /** The manual indicators of the rules in force (the handler reads them). */
    manualIndicators: ManualIndicator[];
  }
>;
export type AdjustScore = Command<'AdjustScore', { year: number; unitId: string; points: number; reason: string }>;
export type RaiseObjection = Command<
  'RaiseObjection',
  { year: number; unitId: string; kind: 'comment' | 'objection'; text: string }
>;
/** The totals as the controller combined them from the stored facts and this stream's scoring. */
export type FinaliseResult = Command<
  'FinaliseResult',
  {
    year: number;
    unitId: string;
    version: number;
    selfTotal: number;
    superiorTotal: number;
    total: number;
    gradeId: string;
    manualIndicators: ManualIndicator[];
  }
>;

/** A unit's year under review, as its stream tells it. */
export interface ReviewState {
  self: Record<string, ManualItemPoints>;
  superior: Record<string, ManualItemPoints>;
  adjustments: { points: number; reason: string }[];
  /** The business day of the bureau's latest scoring or adjustment: the objection window opens then. */
  lastSuperiorOn: string | null;
  finalised: boolean;
}

export const reviewHistory: StreamModel<ReviewState, ReviewEvent> = {
  initialState: () => ({ self: {}, superior: {}, adjustments: [], lastSuperiorOn: null, finalised: false }),
  evolve: (state, event) => {
    const on = event.metadata?.occurredAt ? shanghaiDate(event.metadata.occurredAt) : state.lastSuperiorOn;
    switch (event.type) {
      case 'ManualItemsScored': {
        const byId = Object.fromEntries(event.data.items.map((item) => [item.indicator, item]));
        return event.data.by === 'self'
          ? { ...state, self: { ...state.self, ...byId } }
          : { ...state, superior: { ...state.superior, ...byId }, lastSuperiorOn: on };
      }
      case 'ScoreAdjusted':
        return {
          ...state,
          adjustments: [...state.adjustments, { points: event.data.points, reason: event.data.reason }],
          lastSuperiorOn: on,
        };
      case 'AssessmentResultFinalised':
        return { ...state, finalised: true };
      default:
        return state;
    }
  },
};

const finalised = () =>
  new DomainError(
    'assessment.result-finalised',
    { zh: '考核结果已定档，不能再修改', en: 'The result is finalised: nothing can be changed' },
    undefined,
    409,
  );

/** The window's last day: OBJECTION_WORKING_DAYS working days after the bureau's latest scoring. */
export const objectionWindowEnd = (lastSuperiorOn: string, calendar: WorkingDayCalendar): string =>
  calendar.addWorkingDays(lastSuperiorOn, OBJECTION_WORKING_DAYS);

/** Manual items scored by the unit (self) or the bureau (superior): each a manual indicator, within its maximum. */
export const scoreManualItems = ({ data }: ScoreManualItems, state: ReviewState): ManualItemsScored => {
  if (state.finalised) throw finalised();
  const indicators = new Map(data.manualIndicators.map((indicator) => [indicator.id, indicator]));
  data.items.forEach((item, i) => {
    const indicator = indicators.get(item.indicator);
    if (!indicator)
      throw new DomainError(
        'assessment.not-a-manual-item',
        { zh: `“${item.indicator}”不是人工评分项`, en: `"${item.indicator}" is not a manual item of the rules` },
        `items[${i}].indicator`,
      );
    if (item.points > indicator.maxPoints)
      throw new DomainError(
        'assessment.points-above-maximum',
        { zh: `不能超过 ${indicator.maxPoints} 分`, en: `must not exceed ${indicator.maxPoints}` },
        `items[${i}].points`,
      );
  });
  return {
    type: 'ManualItemsScored',
    data: {
      year: data.year,
      unitId: data.unitId,
      version: data.version,
      by: data.by,
      items: data.items.map(({ indicator, points, comment }) => ({ indicator, points, comment: comment ?? null })),
    },
    metadata: { unitIds: [data.unitId] },
  };
};

export const adjustScore = ({ data }: AdjustScore, state: ReviewState): ScoreAdjusted => {
  if (state.finalised) throw finalised();
  return { type: 'ScoreAdjusted', data: { ...data }, metadata: { unitIds: [data.unitId] } };
};

/**
 * The unit comments at any time before the result is final; it objects only after the bureau has scored,
 * within OBJECTION_WORKING_DAYS working days of the latest scoring or adjustment (Chinese calendar).
 */
export const raiseObjection = (
  { data, metadata }: RaiseObjection,
  state: ReviewState,
  calendar: WorkingDayCalendar,
): AssessmentObjectionRaised => {
  if (state.finalised) throw finalised();
  if (data.kind === 'objection') {
    if (!state.lastSuperiorOn)
      throw new DomainError(
        'assessment.nothing-to-object-to',
        {
          zh: '上级尚未评分，暂无可提出异议的结果',
          en: 'The bureau has not scored yet: there is nothing to object to',
        },
        'kind',
        409,
      );
    const today = shanghaiDate(metadata.now);
    const end = objectionWindowEnd(state.lastSuperiorOn, calendar);
    if (today > end)
      throw new DomainError(
        'assessment.objection-window-closed',
        {
          zh: `异议期已于 ${end} 结束（评分后 ${OBJECTION_WORKING_DAYS} 个工作日）`,
          en: `The objection window closed on ${end} (${OBJECTION_WORKING_DAYS} working days after the scoring)`,
        },
        'kind',
        409,
      );
  }
  return { type: 'AssessmentObjectionRaised', data: { ...data }, metadata: { unitIds: [data.unitId] } };
};

/** The bureau finalises once every manual item has its superior score; after it, every edit is a 409. */
export const finaliseResult = ({ data }: FinaliseResult, state: ReviewState): AssessmentResultFinalised => {
  if (state.finalised) throw finalised();
  const missing = data.manualIndicators.filter((indicator) => !state.superior[indicator.id]);
  if (missing.length)
    throw new DomainError(
      'assessment.review-incomplete',
      {
        zh: `尚有人工评分项未由上级评分：${missing.map((m) => m.id).join('、')}`,
        en: `Manual items not yet scored by the bureau: ${missing.map((m) => m.id).join(', ')}`,
      },
      undefined,
      409,
    );
  const { year, unitId, version, selfTotal, superiorTotal, total, gradeId } = data;
  return {
    type: 'AssessmentResultFinalised',
    data: { year, unitId, version, selfTotal, superiorTotal, total, gradeId },
    metadata: { unitIds: [unitId] },
  };
};

/**
 * The combined result (Example D: self × 40% + superior × 60%): the superior score is the bureau's
 * scoring plus its adjustments (never below 0); all in tenths, so the parts add up exactly.
 */
export const combine = (
  selfTotal: number,
  superiorScored: number,
  adjustments: readonly { points: number }[],
  weights: { self: number; superior: number },
): { selfTotal: number; superiorTotal: number; total: number } => {
  const tenths = (value: number) => Math.round(value * 10);
  const superior = Math.max(
    0,
    tenths(superiorScored) + adjustments.reduce((sum, adjustment) => sum + tenths(adjustment.points), 0),
  );
  const total = Math.round((tenths(selfTotal) * weights.self + superior * weights.superior) / 100);
  return { selfTotal, superiorTotal: superior / 10, total: total / 10 };
};
