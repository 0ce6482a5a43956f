import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';
import type { RuleSetBody } from './rule-set.js';

/** One stream per assessment year: its draft and every version published from it, never deleted. */
export const ruleSetStream = (year: number): string => streamName('ruleset', String(year));

/** The bureau starts the year's rules: the first draft. */
export type RuleSetDrafted = Event<'RuleSetDrafted', { year: number; body: RuleSetBody }>;
/** The draft's whole body replaced (the editor saves the whole rule set, never a patch). */
export type RuleSetDraftEdited = Event<'RuleSetDraftEdited', { year: number; body: RuleSetBody }>;
/**
 * The draft as it stands becomes version `version`, in force from `effectiveOn`; the draft stays
 * editable for the next version, and scores under earlier versions stay computable.
 */
export type RuleSetPublished = Event<
  'RuleSetPublished',
  { year: number; version: number; effectiveOn: string; body: RuleSetBody }
>;
export type RuleSetEvent = RuleSetDrafted | RuleSetDraftEdited | RuleSetPublished;

/**
 * One bulletin per period: `bulletin-<year>-<period>` (period 'YYYY-Qn' for a quarterly bulletin 季通报,
 * 'YYYY' for the year-end result), e.g. `bulletin-2026-2026-Q1`.
 */
export const bulletinStream = (year: number, period: string): string => streamName('bulletin', `${year}-${period}`);

/** A ranked unit of a bulletin: its place (equal totals share one), total and grade band's id. */
export interface BulletinRank {
  unitId: string;
  rank: number;
  total: number;
  gradeId: string;
}

/**
 * The bureau publishes a period's ranking (季通报, or the year-end result): every unit scored as of the
 * period's last day under `version`; the bottom three flagged for a warning letter (便函预警, Pucheng
 * 2013), which the notices feature acts on. metadata.unitIds: every ranked unit. Its shape is what
 * the notices feature consumes: do not change it.
 */
export type AssessmentBulletinPublished = Event<
  'AssessmentBulletinPublished',
  {
    year: number;
    period: string;
    version: number;
    publishedOn: string;
    ranking: BulletinRank[];
    flaggedUnitIds: string[];
  }
>;
export type BulletinEvent = AssessmentBulletinPublished;

/** A unit's year under review: its self-assessment, the bureau's scoring, objections, the final result. */
export const reviewStream = (year: number, unitId: string): string =>
  streamName('assessmentReview', `${year}-${unitId}`);

export interface ManualItemPoints {
  indicator: string;
  points: number;
  comment: string | null;
}

/** Manual items scored by the unit itself (`self`, 自评) or by the bureau (`superior`, 考评), with comments. */
export type ManualItemsScored = Event<
  'ManualItemsScored',
  { year: number; unitId: string; version: number; by: 'self' | 'superior'; items: ManualItemPoints[] }
>;
/** The bureau adds or takes points off the superior score, with its reason. */
export type ScoreAdjusted = Event<'ScoreAdjusted', { year: number; unitId: string; points: number; reason: string }>;
/** The unit comments on its result, or objects to it within the window after the bureau's scoring. */
export type AssessmentObjectionRaised = Event<
  'AssessmentObjectionRaised',
  { year: number; unitId: string; kind: 'comment' | 'objection'; text: string }
>;
/** The bureau closes the unit's year: the combined result; nothing is edited after it. */
export type AssessmentResultFinalised = Event<
  'AssessmentResultFinalised',
  {
    year: number;
    unitId: string;
    version: number;
    selfTotal: number;
    superiorTotal: number;
    total: number;
    gradeId: string;
  }
>;
export type ReviewEvent = ManualItemsScored | ScoreAdjusted | AssessmentObjectionRaised | AssessmentResultFinalised;
export type AssessmentEvent = RuleSetEvent | BulletinEvent | ReviewEvent;

export const ASSESSMENT_EVENT_TYPES = eventTypes<AssessmentEvent['type']>({
  RuleSetDrafted: true,
  RuleSetDraftEdited: true,
  RuleSetPublished: true,
  AssessmentBulletinPublished: true,
  ManualItemsScored: true,
  ScoreAdjusted: true,
  AssessmentObjectionRaised: true,
  AssessmentResultFinalised: true,
});

/** Each event type in words, as the activity log and the admin show it (choices.event.<Type>). */
export const ASSESSMENT_EVENT_LABELS: Record<AssessmentEvent['type'], Bilingual> = {
  RuleSetDrafted: { zh: '起草考核细则', en: 'Assessment rules drafted' },
  RuleSetDraftEdited: { zh: '修改考核细则草稿', en: 'Assessment rules draft edited' },
  RuleSetPublished: { zh: '发布考核细则', en: 'Assessment rules published' },
  AssessmentBulletinPublished: { zh: '发布考核通报', en: 'Assessment bulletin published' },
  ManualItemsScored: { zh: '人工评分', en: 'Manual items scored' },
  ScoreAdjusted: { zh: '调整考核得分', en: 'Assessment score adjusted' },
  AssessmentObjectionRaised: { zh: '对考核结果提出意见', en: 'Comment or objection on the assessment' },
  AssessmentResultFinalised: { zh: '考核结果定档', en: 'Assessment result finalised' },
};
