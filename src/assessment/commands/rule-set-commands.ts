import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import type { RuleSetDraftEdited, RuleSetDrafted, RuleSetPublished } from '../assessment.events.js';
import type { RuleSetHistory } from '../rule-set-history.js';
import { validRuleSet, type RuleSetBody } from '../rule-set.js';

/** Assessment years the ledger takes: nothing before the app's records, nothing a century ahead. */
export const assessmentYear = () => z.int().min(2000).max(2100);

/** The body is checked against the schema and the app's event types by the deciders (400 with JSON paths). */
export const draftRuleSetBody = z.strictObject({ body: z.unknown() });
export const editRuleSetDraftBody = z.strictObject({ body: z.unknown(), expectedRevision: z.int().min(0).optional() });
export const publishRuleSetBody = z.strictObject({
  effectiveOn: localDate(),
  expectedRevision: z.int().min(0).optional(),
});

export type DraftRuleSet = Command<'DraftRuleSet', { year: number; body: unknown }>;
export type EditRuleSetDraft = Command<'EditRuleSetDraft', { year: number; body: unknown }>;
export type PublishRuleSet = Command<'PublishRuleSet', { year: number; effectiveOn: string }>;

const notDrafted = (year: number) =>
  new DomainError(
    'assessment.ruleset-not-found',
    { zh: `${year} 年度尚无考核细则`, en: `No assessment rules for ${year} yet` },
    undefined,
    404,
  );

/** The bureau starts a year's rules; a year has one stream, so a second draft is an edit. */
export const draftRuleSet = (
  { data }: DraftRuleSet,
  state: RuleSetHistory,
  knownEventTypes: ReadonlySet<string>,
): RuleSetDrafted => {
  if (state.draft)
    throw new DomainError(
      'assessment.ruleset-exists',
      {
        zh: `${data.year} 年度的考核细则已存在，请修改草稿`,
        en: `The ${data.year} rules already exist: edit the draft`,
      },
      'year',
      409,
    );
  return { type: 'RuleSetDrafted', data: { year: data.year, body: validRuleSet(data.body, knownEventTypes) } };
};

/** The draft's whole body replaced; the handler's expected revision turns a concurrent edit into a 409. */
export const editRuleSetDraft = (
  { data }: EditRuleSetDraft,
  state: RuleSetHistory,
  knownEventTypes: ReadonlySet<string>,
): RuleSetDraftEdited => {
  if (!state.draft) throw notDrafted(data.year);
  return { type: 'RuleSetDraftEdited', data: { year: data.year, body: validRuleSet(data.body, knownEventTypes) } };
};

const sameBody = (a: RuleSetBody, b: RuleSetBody) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The draft becomes the next version, in force from `effectiveOn`. It is checked again against the event
 * types of today's app, and a version changes something: no two versions with the same rules, no version
 * in force before the one it follows.
 */
export const publishRuleSet = (
  { data }: PublishRuleSet,
  state: RuleSetHistory,
  knownEventTypes: ReadonlySet<string>,
): RuleSetPublished => {
  if (!state.draft) throw notDrafted(data.year);
  const body = validRuleSet(state.draft, knownEventTypes);
  const last = state.versions.at(-1);
  if (last && sameBody(last.body, body))
    throw new DomainError(
      'assessment.ruleset-unchanged',
      {
        zh: `草稿与已发布的第 ${last.version} 版相同`,
        en: `The draft is the same as published version ${last.version}`,
      },
      undefined,
      409,
    );
  if (last && data.effectiveOn < last.effectiveOn)
    throw new DomainError(
      'assessment.effective-before-previous',
      {
        zh: `生效日期不能早于第 ${last.version} 版的生效日期 ${last.effectiveOn}`,
        en: `must not be before version ${last.version}'s effective date ${last.effectiveOn}`,
      },
      'effectiveOn',
    );
  return {
    type: 'RuleSetPublished',
    data: { year: data.year, version: (last?.version ?? 0) + 1, effectiveOn: data.effectiveOn, body },
  };
};
