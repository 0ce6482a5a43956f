import { describe, expect, test } from '@jest/globals';
import { pairingProgress, targetProgress } from './progress.js';

const term = { startOn: '2024-09-01', endsOn: '2027-08-31', endedOn: null };

describe('pairing progress against a straight-line pace', () => {
  test('after a third of the term one of three is expected', () => {
    expect(targetProgress([], 3, 0.34)).toMatchObject({ expectedByNow: 1, behindPace: true, met: false });
    expect(targetProgress(['2025-01-01'], 3, 0.34)).toMatchObject({ expectedByNow: 1, behindPace: false });
  });
  test('a target met early says when', () =>
    expect(targetProgress(['2025-03-01', '2024-10-01', '2025-01-05', '2025-06-01'], 3, 0.2)).toEqual({
      done: 4,
      target: 3,
      expectedByNow: 0,
      met: true,
      metOn: '2025-03-01',
      behindPace: false,
    }));
  test('a pairing is behind when any target is, and judged on its last day once over', () => {
    const halfway = pairingProgress(
      term,
      {
        teachers: ['2024-10-01', '2024-11-01'],
        members: [],
        normsMet: ['2025-01-01', '2025-02-01', '2025-03-01'],
        normCount: 5,
      },
      '2026-03-01',
    );
    expect(halfway).toMatchObject({
      teachers: { expectedByNow: 1, behindPace: false },
      members: { expectedByNow: 1, behindPace: true },
      norms: { expectedByNow: 2, behindPace: false },
      behindPace: true,
      allMet: false,
    });
    expect(
      pairingProgress(term, { teachers: [], members: [], normsMet: [], normCount: 5 }, '2030-01-01'),
    ).toMatchObject({
      asOf: '2027-08-31',
      elapsed: 1,
    });
  });
});
