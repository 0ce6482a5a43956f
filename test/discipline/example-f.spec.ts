import { describe, expect, test } from '@jest/globals';
import type { RuleSetBody } from '../../src/assessment/rule-set.js';
import { score } from '../../src/assessment/scorer.js';
import type { RecordedEvent } from '../../src/core/messages.js';
import { occurredOn } from '../../src/core/time/local-date.js';
import { imposed } from '../../src/discipline/commands/discipline.fixtures.js';

const UNIT = { id: 'u0000000-0000-4000-8000-000000000001', type: 'public_school' };
let position = 0n;
const recorded = (event: { type: string; data: unknown }, caseId: string): RecordedEvent => {
  position += 1n;
  const data: Record<string, unknown> = { ...(event.data as Record<string, unknown>), caseId };
  return {
    id: `e-${position}`,
    stream: `disciplineCase-${caseId}`,
    revision: Number(position),
    position,
    type: event.type,
    data,
    metadata: {
      ...{ actorId: 't', actorRole: 'bureau_admin', commandId: 'c', correlationId: 'c', causationId: 'c' },
      occurredAt: occurredOn(data.decidedOn as string),
      recordedAt: '2027-01-02T00:00:00.000Z',
      unitIds: [UNIT.id],
      schemaVersion: 1,
    },
    prevHash: null,
    hash: 'h',
  };
};

/**
 * Example F (domain.md §7.3): a rule set deducts for Party sanctions by `measure` (light −3, heavy −5),
 * one case counted once (`distinctBy: 'caseId'`), administrative sanctions not counted twice with them.
 */
describe('SanctionImposed as assessment facts (Example F)', () => {
  test('light −3, heavy −5, one case once at its heaviest', () => {
    const body: RuleSetBody = {
      title: { zh: '细则', en: 'Rules' },
      sections: [
        {
          id: 'discipline',
          title: { zh: '党风廉政', en: 'Discipline' },
          maxPoints: 20,
          start: 'full',
          indicators: [
            {
              id: 'sanctions',
              title: { zh: '党员受党纪处分', en: 'Members sanctioned' },
              kind: 'deduction',
              eventTypes: ['SanctionImposed'],
              filter: { data: { track: 'party' } },
              pointsEach: 3,
              severity: {
                field: 'measure',
                points: {
                  warning: 3,
                  serious_warning: 3,
                  removal_from_party_posts: 5,
                  party_probation: 5,
                  expulsion: 5,
                },
              },
              distinctBy: 'caseId',
            },
          ],
        },
      ],
      weights: { self: 40, superior: 60 },
      gradeBands: [{ id: 'all', min: 0, name: { zh: '全部', en: 'All' } }],
    };
    const events = [
      recorded(imposed('party', 'party_probation', '2026-03-01', 's-1', 12), 'case-a'),
      recorded(imposed('party', 'expulsion', '2026-09-01', 's-2'), 'case-a'),
      recorded(imposed('party', 'warning', '2026-04-01', 's-3'), 'case-b'),
      recorded(imposed('administrative', 'demerit', '2026-04-01', 's-4'), 'case-b'),
    ];
    expect(score(body, UNIT, events, 2026).total).toBe(12);
  });
});
