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

export const ASSESSMENT_EVENT_TYPES = eventTypes<RuleSetEvent['type']>({
  RuleSetDrafted: true,
  RuleSetDraftEdited: true,
  RuleSetPublished: true,
});

/** Each event type in words, as the activity log and the admin show it (choices.event.<Type>). */
export const ASSESSMENT_EVENT_LABELS: Record<RuleSetEvent['type'], Bilingual> = {
  RuleSetDrafted: { zh: '起草考核细则', en: 'Assessment rules drafted' },
  RuleSetDraftEdited: { zh: '修改考核细则草稿', en: 'Assessment rules draft edited' },
  RuleSetPublished: { zh: '发布考核细则', en: 'Assessment rules published' },
};
