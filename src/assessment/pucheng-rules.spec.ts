import { assembleFeatures } from '../core/feature.js';
import { FEATURES } from '../features.js';
import { describe, expect, test } from '@jest/globals';
import type { RecordedEvent } from '../core/messages.js';
import { puchengRuleSet } from './pucheng-rules.js';
import { ruleSetIssues } from './rule-set.js';
import { score } from './scorer.js';

const SCHOOL = { id: 'u', type: 'public_school' };
let position = 0n;
const held = (kind: string, day: string): RecordedEvent => {
  position += 1n;
  return {
    id: `e-${position}`,
    stream: `orglife-${position}`,
    revision: 0,
    position,
    type: 'OrgLifeMeetingRecorded',
    data: { kind, heldOn: day },
    metadata: {
      actorId: 'secretary',
      actorRole: 'secretary',
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      occurredAt: `${day}T00:00:00+08:00`,
      recordedAt: `${day}T10:00:00Z`,
      unitIds: [SCHOOL.id],
      schemaVersion: 1,
    },
    prevHash: null,
    hash: 'h',
  };
};
const sections = (result: ReturnType<typeof score>) => result.sections.map((s) => [s.section, s.points]);

describe("the demo's Pucheng-style rules", () => {
  test('pass the schema and name only event types the app declares', () => {
    const known = new Set(assembleFeatures(FEATURES).eventOwners.keys());
    expect(ruleSetIssues(puchengRuleSet(2026), known).issues).toEqual([]);
  });

  test('100 points deducted item by item: a unit with no records loses organisational life, and no bonus', () => {
    const result = score(puchengRuleSet(2026), SCHOOL, [], 2026);
    expect(sections(result)).toEqual([
      ['organisation', 25],
      ['members', 0],
      ['procedure', 20],
      ['organisational-life', 0],
      ['archives', 10],
      ['negative-list', 0],
      ['bonus', 0],
    ]);
    expect(result).toMatchObject({ total: 55, grade: { id: 'poor' } });
  });

  test('a school that held its general meeting and lesson every quarter and its theme day every month keeps the 20', () => {
    const events = [
      ...['02-10', '05-10', '08-10', '11-10'].flatMap((day) => [
        held('branch_general_meeting', `2026-${day}`),
        held('party_lesson', `2026-${day}`),
      ]),
      ...Array.from({ length: 12 }, (_, m) => held('theme_party_day', `2026-${String(m + 1).padStart(2, '0')}-10`)),
    ];
    const result = score(puchengRuleSet(2026), SCHOOL, events, 2026);
    expect(sections(result)).toContainEqual(['organisational-life', 20]);
    // One quarter without its lesson costs 2 points, named with the quarter it was missed in.
    const missing = score(
      puchengRuleSet(2026),
      SCHOOL,
      events.filter(
        (e) =>
          !(e.data as { kind: string; heldOn: string }).heldOn.startsWith('2026-05') ||
          (e.data as { kind: string }).kind !== 'party_lesson',
      ),
      2026,
    );
    expect(sections(missing)).toContainEqual(['organisational-life', 18]);
  });
});
