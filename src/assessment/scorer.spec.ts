import { describe, expect, test } from '@jest/globals';
import type { RecordedEvent } from '../core/messages.js';
import { occurredOn } from '../core/time/local-date.js';
import type { Indicator, RuleSetBody, Section } from './rule-set.js';
import { score, type UnitScore } from './scorer.js';

const UNIT = { id: 'unit-1', type: 'public_school' };
let position = 0n;

/** An event of the unit on a business day (recorded a day later, as a late log would be). */
const event = (type: string, day: string, data: Record<string, unknown> = {}, unitIds = [UNIT.id]): RecordedEvent => {
  position += 1n;
  return {
    id: `e-${position}`,
    stream: `test-${position}`,
    revision: 0,
    position,
    type,
    data,
    metadata: {
      actorId: 'tester',
      actorRole: 'bureau_admin',
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      occurredAt: occurredOn(day),
      recordedAt: '2027-01-02T00:00:00.000Z',
      unitIds,
      schemaVersion: 1,
    },
    prevHash: null,
    hash: 'h',
  };
};

const BANDS: RuleSetBody['gradeBands'] = [
  { id: 'advanced', min: 90, name: { zh: '先进', en: 'Advanced' } },
  { id: 'good', min: 75, name: { zh: '较好', en: 'Good' } },
  { id: 'average', min: 60, name: { zh: '一般', en: 'Average' } },
  { id: 'lagging', min: 0, name: { zh: '后进', en: 'Lagging' } },
];

const section = (indicators: Indicator[], maxPoints = 100, start: Section['start'] = 'full'): Section => ({
  id: 's',
  title: { zh: '板块', en: 'Section' },
  maxPoints,
  start,
  indicators,
});
const rules = (...sections: Section[]): RuleSetBody => ({
  title: { zh: '细则', en: 'Rules' },
  sections: sections.map((s, i) => ({ ...s, id: `s${i}` })),
  weights: { self: 40, superior: 60 },
  gradeBands: BANDS,
});
const title = { zh: '指标', en: 'Indicator' };

/** Every section's lines add up to its points and the sections to the total, exactly in tenths. */
const expectExplained = (result: UnitScore) => {
  const t = (n: number) => Math.round(n * 10);
  for (const s of result.sections) expect(s.items.reduce((sum, item) => sum + t(item.points), 0)).toBe(t(s.points));
  expect(result.sections.reduce((sum, s) => sum + t(s.points), 0)).toBe(t(result.total));
  return result;
};
const pointsOf = (result: UnitScore) => result.sections[0].items.map((item) => [item.kind, item.period, item.points]);

describe('the scorer: every point explained', () => {
  test('count: points per matching fact, capped, events by business time; others and other years ignored', () => {
    const ruleSet = rules(
      section(
        [{ id: 'developed', title, kind: 'count', eventTypes: ['AdmissionApproved'], pointsEach: 4, cap: 10 }],
        20,
        'zero',
      ),
    );
    const events = [
      event('AdmissionApproved', '2026-03-01'),
      event('AdmissionApproved', '2026-05-01'),
      event('AdmissionApproved', '2026-12-31'),
      event('AdmissionApproved', '2025-12-31'),
      event('UnitRenamed', '2026-03-01'),
      event('AdmissionApproved', '2026-04-01', {}, ['unit-2']),
    ];
    const result = expectExplained(score(ruleSet, UNIT, events, 2026));
    expect(result.total).toBe(10);
    const [item] = result.sections[0].items;
    expect(item).toMatchObject({ indicator: 'developed', kind: 'count', period: '2026', points: 10 });
    expect(item.events.map((e) => e.occurredOn)).toEqual(['2026-03-01', '2026-05-01', '2026-12-31']);
    expect(item.events[0].recordedAt).toBe('2027-01-02T00:00:00.000Z');
    // As of a day in the year: what had happened by then.
    expect(score(ruleSet, UNIT, events, 2026, '2026-04-30').total).toBe(4);
  });

  test('count with a period: the cap applies per period (one point a month at most)', () => {
    const ruleSet = rules(
      section(
        [{ id: 'visits', title, kind: 'count', eventTypes: ['Visited'], pointsEach: 1, cap: 1, period: 'month' }],
        12,
        'zero',
      ),
    );
    const events = [event('Visited', '2026-01-05'), event('Visited', '2026-01-20'), event('Visited', '2026-03-01')];
    const result = expectExplained(score(ruleSet, UNIT, events, 2026));
    expect(pointsOf(result)).toEqual([
      ['count', '2026-01', 1],
      ['count', '2026-03', 1],
    ]);
  });

  test('target: N per period, a deduction per shortfall, judged once the period is over', () => {
    const ruleSet = rules(
      section(
        [
          {
            id: 'lessons',
            title,
            kind: 'target',
            eventTypes: ['PartyLessonHeld'],
            period: 'quarter',
            perPeriod: 2,
            deductionEach: 1.5,
          },
        ],
        10,
      ),
    );
    const events = [event('PartyLessonHeld', '2026-02-01'), event('PartyLessonHeld', '2026-05-01')];
    events.push(event('PartyLessonHeld', '2026-06-30'));
    const result = expectExplained(score(ruleSet, UNIT, events, 2026, '2026-08-15'));
    expect(pointsOf(result)).toEqual([
      ['start', '2026', 10],
      ['target', '2026-Q1', -1.5],
      ['target', '2026-Q2', 0],
      ['target', '2026-Q3', 0],
      ['target', '2026-Q4', 0],
    ]);
    expect(result.sections[0].items[3].note?.en).toMatch(/not over/);
    expect(expectExplained(score(ruleSet, UNIT, events, 2026)).total).toBe(10 - 1.5 - 3 - 3);
  });

  test('deadline: on time, late, overdue, missing, not yet due; the due day counts as on time', () => {
    const ruleSet = rules(
      section(
        [
          {
            id: 'summary',
            title,
            kind: 'deadline',
            eventTypes: ['SummaryFiled'],
            due: '01-31',
            points: { onTime: 0, late: -1, missing: -3 },
          },
        ],
        10,
      ),
    );
    const at = (events: RecordedEvent[], asOf?: string) =>
      expectExplained(score(ruleSet, UNIT, events, 2026, asOf)).sections[0].items[1];
    expect(at([event('SummaryFiled', '2026-01-31')])).toMatchObject({ points: 0, note: { en: 'on time' } });
    expect(at([event('SummaryFiled', '2026-02-01')])).toMatchObject({ points: -1, note: { en: 'late' } });
    expect(at([])).toMatchObject({ points: -3, note: { en: 'missing' } });
    expect(at([], '2026-01-15')).toMatchObject({ points: 0 });
    expect(at([], '2026-06-15')).toMatchObject({ points: -1 });
  });

  test('deduction: per case, by severity, one case counted once (distinctBy), capped', () => {
    const sanction: Indicator = {
      id: 'sanctions',
      title,
      kind: 'deduction',
      eventTypes: ['SanctionImposed'],
      pointsEach: 1,
      severity: { field: 'sanction', points: { warning: 3, expulsion: 5 } },
      distinctBy: 'caseId',
      cap: 7,
    };
    const events = [
      event('SanctionImposed', '2026-03-01', { caseId: 'a', sanction: 'warning' }),
      // The same case, decided again more heavily: once, at its heaviest.
      event('SanctionImposed', '2026-04-01', { caseId: 'a', sanction: 'expulsion' }),
      event('SanctionImposed', '2026-05-01', { caseId: 'b', sanction: 'admonition' }),
    ];
    const result = expectExplained(score(rules(section([sanction], 20)), UNIT, events, 2026));
    expect(pointsOf(result)).toEqual([
      ['start', '2026', 20],
      ['deduction', '2026', -5],
      ['deduction', '2026', -1],
    ]);
    expect(result.sections[0].items[1].events).toHaveLength(2);
    events.push(event('SanctionImposed', '2026-06-01', { caseId: 'c', sanction: 'warning' }));
    const capped = expectExplained(score(rules(section([sanction], 20)), UNIT, events, 2026));
    expect(capped.total).toBe(13);
    expect(capped.sections[0].items.at(-1)).toMatchObject({ kind: 'cap', points: 2 });
  });

  test('filters: unit types and data fields; an indicator for other units does not apply', () => {
    const indicator: Indicator = {
      id: 'notices',
      title,
      kind: 'deduction',
      eventTypes: ['NoticeIssued'],
      pointsEach: 2,
      filter: { unitTypes: ['public_school'], data: { kind: 'criticism' } },
    };
    const events = [
      event('NoticeIssued', '2026-03-01', { kind: 'criticism' }),
      event('NoticeIssued', '2026-03-02', { kind: 'praise' }),
    ];
    expect(score(rules(section([indicator], 10)), UNIT, events, 2026).total).toBe(8);
    const kindergarten = { id: UNIT.id, type: 'private_kindergarten' };
    const result = score(rules(section([indicator], 10)), kindergarten, events, 2026);
    expect(result.total).toBe(10);
    expect(result.sections[0].items[1].note?.en).toMatch(/does not apply/);
  });

  test('a section is deducted down to zero, never below, and earns up to its maximum, never above', () => {
    const deduct: Indicator = { id: 'd', title, kind: 'deduction', eventTypes: ['X'], pointsEach: 3 };
    const events = [event('X', '2026-01-01'), event('X', '2026-01-02'), event('X', '2026-01-03')];
    const floored = expectExplained(score(rules(section([deduct], 5)), UNIT, events, 2026));
    expect(floored.total).toBe(0);
    expect(floored.sections[0].items.at(-1)).toMatchObject({ kind: 'floor', points: 4 });
    const earn: Indicator = { id: 'c', title, kind: 'count', eventTypes: ['X'], pointsEach: 3, cap: 9 };
    const ceiled = expectExplained(score(rules(section([earn], 5, 'zero')), UNIT, events, 2026));
    expect(ceiled.total).toBe(5);
    expect(ceiled.sections[0].items.at(-1)).toMatchObject({ kind: 'ceiling', points: -4 });
  });

  test('bonus: capped, added in its own section; tenths add up exactly (0.1 × 3 is 0.3)', () => {
    const ruleSet = rules(
      section([{ id: 'd', title, kind: 'deduction', eventTypes: ['Late'], pointsEach: 0.1 }], 100),
      section([{ id: 'b', title, kind: 'bonus', eventTypes: ['Commended'], pointsEach: 2, cap: 3 }], 5, 'zero'),
    );
    const events = [
      event('Late', '2026-01-01'),
      event('Late', '2026-02-01'),
      event('Late', '2026-03-01'),
      event('Commended', '2026-05-01'),
      event('Commended', '2026-06-01'),
    ];
    const result = expectExplained(score(ruleSet, UNIT, events, 2026));
    expect(result.sections.map((s) => s.points)).toEqual([99.7, 3]);
    expect(result.total).toBe(102.7);
    expect(result.grade.id).toBe('advanced');
  });

  test('grade bands from the total; a veto caps the grade whatever the points', () => {
    const ruleSet = rules(
      section(
        [
          { id: 'd', title, kind: 'deduction', eventTypes: ['Late'], pointsEach: 20 },
          { id: 'veto', title, kind: 'veto', eventTypes: ['MajorIncident'], capAt: 'average' },
        ],
        100,
      ),
    );
    expect(score(ruleSet, UNIT, [], 2026)).toMatchObject({ total: 100, grade: { id: 'advanced' }, vetoedBy: null });
    expect(score(ruleSet, UNIT, [event('Late', '2026-01-01')], 2026).grade.id).toBe('good');
    const late = () => [event('Late', '2026-01-01'), event('Late', '2026-01-02'), event('Late', '2026-01-03')];
    expect(score(ruleSet, UNIT, late().slice(0, 2), 2026).grade.id).toBe('average');
    expect(score(ruleSet, UNIT, late(), 2026).grade.id).toBe('lagging');
    const vetoed = expectExplained(score(ruleSet, UNIT, [event('MajorIncident', '2026-09-01')], 2026));
    expect(vetoed).toMatchObject({
      total: 100,
      grade: { id: 'average' },
      vetoedBy: { indicator: 'veto', capAt: 'average' },
    });
    expect(vetoed.sections[0].items[2].events).toHaveLength(1);
    // A grade already below the cap stays where it is.
    const low = score(ruleSet, UNIT, [...late(), event('MajorIncident', '2026-09-01')], 2026);
    expect(low).toMatchObject({ grade: { id: 'lagging' }, vetoedBy: null });
  });

  test('manual items wait for the assessor and give no points yet', () => {
    const ruleSet = rules(section([{ id: 'site', title, kind: 'manual', maxPoints: 10 }], 10, 'zero'));
    const result = score(ruleSet, UNIT, [], 2026);
    expect(result.total).toBe(0);
    expect(result.sections[0].items[0]).toMatchObject({
      kind: 'manual',
      points: 0,
      note: { en: 'awaiting the assessor' },
    });
  });

  test('business time in Asia/Shanghai: 1 January 00:30 in Beijing counts for the new year', () => {
    const ruleSet = rules(
      section([{ id: 'c', title, kind: 'count', eventTypes: ['X'], pointsEach: 1, cap: 5 }], 5, 'zero'),
    );
    const early = event('X', '2026-01-01');
    early.metadata.occurredAt = '2025-12-31T16:30:00.000Z';
    expect(score(ruleSet, UNIT, [early], 2026).total).toBe(1);
    expect(score(ruleSet, UNIT, [early], 2025).total).toBe(0);
  });
});
