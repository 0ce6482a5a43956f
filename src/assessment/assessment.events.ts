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
export type AssessmentEvent = RuleSetEvent | BulletinEvent;

export const ASSESSMENT_EVENT_TYPES = eventTypes<AssessmentEvent['type']>({
  RuleSetDrafted: true,
  RuleSetDraftEdited: true,
  RuleSetPublished: true,
  AssessmentBulletinPublished: true,
});

/** Each event type in words, as the activity log and the admin show it (choices.event.<Type>). */
export const ASSESSMENT_EVENT_LABELS: Record<AssessmentEvent['type'], Bilingual> = {
  RuleSetDrafted: { zh: '起草考核细则', en: 'Assessment rules drafted' },
  RuleSetDraftEdited: { zh: '修改考核细则草稿', en: 'Assessment rules draft edited' },
  RuleSetPublished: { zh: '发布考核细则', en: 'Assessment rules published' },
  AssessmentBulletinPublished: { zh: '发布考核通报', en: 'Assessment bulletin published' },
};
