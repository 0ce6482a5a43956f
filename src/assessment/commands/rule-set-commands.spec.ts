import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { ValidationError } from '../../core/errors.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import type { RuleSetEvent } from '../assessment.events.js';
import { ruleSetHistory } from '../rule-set-history.js';
import { RULE_SET_JSON_SCHEMA, ruleSetIssues, type RuleSetBody } from '../rule-set.js';
import { draftRuleSet, editRuleSetDraft, publishRuleSet } from './rule-set-commands.js';

const KNOWN = new Set(['AdmissionApproved', 'UnitRegistered', 'CommitteeElected']);

export const smallRuleSet = (): RuleSetBody => ({
  title: { zh: '2026 年度党建目标责任考核细则', en: '2026 Party-building assessment rules' },
  sections: [
    {
      id: 'organisation',
      title: { zh: '组织建设', en: 'Organisation' },
      maxPoints: 60,
      start: 'full',
      indicators: [
        {
          id: 'committee-elected',
          title: { zh: '按期换届', en: 'Re-election on time' },
          kind: 'deadline',
          eventTypes: ['CommitteeElected'],
          due: '06-30',
          points: { onTime: 0, late: -2, missing: -3 },
        },
      ],
    },
    {
      id: 'members',
      title: { zh: '党员发展', en: 'Members developed' },
      maxPoints: 40,
      start: 'zero',
      indicators: [
        {
          id: 'developed',
          title: { zh: '发展党员', en: 'Members developed' },
          kind: 'count',
          eventTypes: ['AdmissionApproved'],
          pointsEach: 10,
          cap: 40,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    { id: 'advanced', min: 90, name: { zh: '先进', en: 'Advanced' } },
    { id: 'good', min: 75, name: { zh: '较好', en: 'Good' } },
    { id: 'average', min: 60, name: { zh: '一般', en: 'Average' } },
    { id: 'lagging', min: 0, name: { zh: '后进', en: 'Lagging' } },
  ],
});

const drafted = (body = smallRuleSet()): RuleSetEvent => ({ type: 'RuleSetDrafted', data: { year: 2026, body } });
const draft = (body: unknown) => (state: Parameters<typeof draftRuleSet>[1]) =>
  draftRuleSet(command('DraftRuleSet', { year: 2026, body }, testMetadata()), state, KNOWN);
const edit = (body: unknown) => (state: Parameters<typeof editRuleSetDraft>[1]) =>
  editRuleSetDraft(command('EditRuleSetDraft', { year: 2026, body }, testMetadata()), state, KNOWN);
const publish = (effectiveOn: string) => (state: Parameters<typeof publishRuleSet>[1]) =>
  publishRuleSet(command('PublishRuleSet', { year: 2026, effectiveOn }, testMetadata()), state, KNOWN);

/** The JSON paths a refused rule set names. */
const pathsOf = (body: unknown) => ruleSetIssues(body, KNOWN).issues.map((issue) => issue.field);

describe('rule sets per year: draft, edit, publish versions', () => {
  test('the bureau drafts a year once; a second draft is refused (edit it instead)', () => {
    spec(ruleSetHistory).given([]).when(draft(smallRuleSet())).then([drafted()]);
    spec(ruleSetHistory).given([drafted()]).when(draft(smallRuleSet())).thenFails('assessment.ruleset-exists', 'year');
  });

  test('an edit replaces the whole draft; there is nothing to edit before a draft', () => {
    const changed = { ...smallRuleSet(), weights: { self: 30, superior: 70 } };
    spec(ruleSetHistory)
      .given([drafted()])
      .when(edit(changed))
      .then([{ type: 'RuleSetDraftEdited', data: { year: 2026, body: changed } }]);
    spec(ruleSetHistory).given([]).when(edit(changed)).thenFails('assessment.ruleset-not-found');
  });

  test('publishing numbers versions from 1; the draft stays for the next; an unchanged draft is no version', () => {
    const first: RuleSetEvent = {
      type: 'RuleSetPublished',
      data: { year: 2026, version: 1, effectiveOn: '2026-01-01', body: smallRuleSet() },
    };
    spec(ruleSetHistory).given([drafted()]).when(publish('2026-01-01')).then([first]);
    spec(ruleSetHistory)
      .given([drafted(), first])
      .when(publish('2026-07-01'))
      .thenFails('assessment.ruleset-unchanged');
    const changed = { ...smallRuleSet(), weights: { self: 30, superior: 70 } };
    const edited: RuleSetEvent = { type: 'RuleSetDraftEdited', data: { year: 2026, body: changed } };
    spec(ruleSetHistory)
      .given([drafted(), first, edited])
      .when(publish('2026-07-01'))
      .then([{ type: 'RuleSetPublished', data: { year: 2026, version: 2, effectiveOn: '2026-07-01', body: changed } }]);
    spec(ruleSetHistory)
      .given([drafted(), first, edited])
      .when(publish('2025-12-01'))
      .thenFails('assessment.effective-before-previous', 'effectiveOn');
    spec(ruleSetHistory).given([]).when(publish('2026-01-01')).thenFails('assessment.ruleset-not-found');
  });

  test('a refused rule set names the JSON path of each error and writes nothing', () => {
    const body = smallRuleSet() as unknown as { sections: { indicators: Record<string, unknown>[] }[] };
    body.sections[1].indicators[0].pointsEach = -1;
    body.sections[0].indicators[0].eventTypes = ['NoSuchEvent'];
    expect(pathsOf(body)).toEqual(['$.sections[1].indicators[0].pointsEach']);
    // The schema's errors first; the rules beyond it once the shape is right.
    body.sections[1].indicators[0].pointsEach = 10;
    expect(pathsOf(body)).toEqual(['$.sections[0].indicators[0].eventTypes[0]']);
    expect(() => draft(body)(ruleSetHistory.initialState())).toThrow(ValidationError);
  });

  test('what the schema cannot say: unique ids, bands in order down to 0, weights to 100, a veto band that exists', () => {
    const body = smallRuleSet();
    body.sections[1].id = 'organisation';
    body.sections[1].indicators[0].id = 'committee-elected';
    body.gradeBands[2].min = 80;
    body.gradeBands[3].min = 10;
    body.weights.self = 50;
    body.sections[0].indicators.push({
      id: 'veto',
      title: { zh: '一票否决', en: 'Veto' },
      kind: 'veto',
      eventTypes: ['UnitRegistered'],
      capAt: 'nowhere',
    });
    expect(pathsOf(body).sort()).toEqual(
      [
        '$.sections[1].id',
        '$.sections[1].indicators[0].id',
        '$.sections[0].indicators[1].capAt',
        '$.gradeBands[2].min',
        '$.gradeBands[3].min',
        '$.weights',
      ].sort(),
    );
  });

  test('unknown fields, a bad kind, a due day that does not exist, more than one decimal', () => {
    const body = smallRuleSet() as unknown as { sections: { indicators: Record<string, unknown>[] }[] } & Record<
      string,
      unknown
    >;
    body.extra = 1;
    body.sections[0].indicators[0].due = '02-30';
    body.sections[1].indicators[0].cap = 0.25;
    expect(pathsOf(body).sort()).toEqual(
      ['$.extra', '$.sections[0].indicators[0].due', '$.sections[1].indicators[0].cap'].sort(),
    );
    body.sections[1].indicators[0] = { kind: 'formula', code: 'return 100' };
    expect(pathsOf({ ...body, extra: undefined })).toContain('$.sections[1].indicators[0].kind');
  });

  test('the published JSON Schema describes the body: its sections, the seven indicator kinds, the bands', () => {
    const schema = RULE_SET_JSON_SCHEMA as Record<string, unknown>;
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object).sort()).toEqual(['gradeBands', 'sections', 'title', 'weights']);
    const text = JSON.stringify(schema);
    for (const kind of ['count', 'target', 'deadline', 'deduction', 'bonus', 'veto', 'manual'])
      expect(text).toContain(`"const":"${kind}"`);
  });
});
