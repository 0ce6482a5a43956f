import { describe, expect, test } from '@jest/globals';
import { defaultPeriodBook, parsePeriodBook, periodFrom, periodsInForceOn } from './periods.js';

describe('periods of sanctions (versioned data)', () => {
  test('a period starts on the decision day and ends the day before the corresponding day', () => {
    expect(periodFrom('2025-03-01', 12)).toEqual({ lastDay: '2026-02-28', freeFrom: '2026-03-01' });
    expect(periodFrom('2025-03-15', 18)).toEqual({ lastDay: '2026-09-14', freeFrom: '2026-09-15' });
    expect(periodFrom('2024-02-29', 12)).toEqual({ lastDay: '2025-02-28', freeFrom: '2025-03-01' });
  });

  test('31 August + 6 months: no 31 February, so the last day is the month’s end (Civil Code Art. 202)', () => {
    expect(periodFrom('2025-08-31', 6)).toEqual({ lastDay: '2026-02-28', freeFrom: '2026-03-01' });
    expect(periodFrom('2025-08-28', 6)).toEqual({ lastDay: '2026-02-27', freeFrom: '2026-02-28' });
    expect(periodFrom('2026-01-31', 1)).toEqual({ lastDay: '2026-02-28', freeFrom: '2026-03-01' });
  });

  test('the version in force on the decision date applies; a bureau’s book replaces the default', () => {
    expect(periodsInForceOn('2023-12-31').id).toBe('2016');
    expect(periodsInForceOn('2024-01-01').id).toBe('2024');
    const local = parsePeriodBook({
      versions: [
        ...defaultPeriodBook.versions,
        {
          ...defaultPeriodBook.versions[1],
          id: 'local-2027',
          effectiveFrom: '2027-01-01',
          advancedOrgWindowMonths: 36,
        },
      ],
    });
    expect(periodsInForceOn('2026-12-31', local).advancedOrgWindowMonths).toBe(24);
    expect(periodsInForceOn('2027-01-01', local).advancedOrgWindowMonths).toBe(36);
    expect(() => parsePeriodBook({ versions: [{ id: 'x' }] })).toThrow(/Invalid discipline periods/);
  });
});
