import { describe, expect, test } from '@jest/globals';
import { DEVELOPMENT_EVENT_TYPES } from '../development/development.events.js';
import { ORGANIZATION_EVENT_TYPES } from '../organizations/organizations.events.js';
import { puchengRuleSet } from './pucheng-rules.js';
import { ruleSetIssues } from './rule-set.js';
import { score } from './scorer.js';

describe("the demo's Pucheng-style rules", () => {
  test('pass the schema and name only event types the app declares', () => {
    const known = new Set<string>([...ORGANIZATION_EVENT_TYPES, ...DEVELOPMENT_EVENT_TYPES]);
    expect(ruleSetIssues(puchengRuleSet(2026), known).issues).toEqual([]);
  });

  test('100 points deducted item by item: a unit with no events keeps the full sections, no bonus', () => {
    const result = score(puchengRuleSet(2026), { id: 'u', type: 'public_school' }, [], 2026);
    expect(result.sections.map((s) => [s.section, s.points])).toEqual([
      ['organisation', 25],
      ['members', 0],
      ['procedure', 20],
      ['organisational-life', 20],
      ['archives', 10],
      ['negative-list', 0],
      ['bonus', 0],
    ]);
    expect(result).toMatchObject({ total: 75, grade: { id: 'good' } });
  });
});
