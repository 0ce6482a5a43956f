import { describe, expect, test } from '@jest/globals';
import { addDays } from '../core/time/local-date.js';
import type { SanctionImposed } from './discipline.events.js';
import { eligibilityOn, type DisqualificationFact, type Right, type SanctionFact } from './eligibility.js';
import { periodFrom } from './periods.js';
import { periodOf } from './commands/impose-sanction.js';

const sanction = (
  track: 'party' | 'administrative',
  measure: SanctionImposed['data']['measure'],
  decidedOn: string,
  more: Partial<SanctionFact> & { months?: number } = {},
): SanctionFact => ({
  caseId: 'c1',
  sanctionId: `${track}-${measure}`,
  track,
  measure,
  decidedOn,
  decidingBody: '县教育局党委',
  documentNumber: '蒲教党纪〔2025〕1号',
  lastDay: periodOf(track, measure, decidedOn, more.months).lastDay,
  revokedOn: null,
  concluded: null,
  concludedOn: null,
  restrictionLastDay: null,
  ...more,
});

const allowed = (facts: SanctionFact[], on: string, right: Right, disq: DisqualificationFact[] = []) =>
  eligibilityOn(on, facts, disq)[right].allowed;

/** The day before, the day of and the day after a period's last day: restricted, restricted, free. */
const boundary = (facts: SanctionFact[], lastDay: string, rights: Right[], disq: DisqualificationFact[] = []) => {
  for (const right of rights) {
    expect([right, allowed(facts, addDays(lastDay, -1), right, disq)]).toEqual([right, false]);
    expect([right, allowed(facts, lastDay, right, disq)]).toEqual([right, false]);
    expect([right, allowed(facts, addDays(lastDay, 1), right, disq)]).toEqual([right, true]);
  }
};

describe('eligibility from sanctions: each period’s boundaries (Asia/Shanghai days)', () => {
  const from = '2025-03-01';
  test.each([
    ['party', 'warning', 12, '2026-02-28', ['commend', 'hold_post']],
    ['party', 'serious_warning', 18, '2026-08-31', ['commend', 'hold_post']],
    ['party', 'removal_from_party_posts', 24, '2027-02-28', ['commend', 'hold_post']],
    ['administrative', 'warning', 6, '2025-08-31', ['commend']],
    ['administrative', 'demerit', 12, '2026-02-28', ['commend']],
    ['administrative', 'major_demerit', 18, '2026-08-31', ['commend']],
    ['administrative', 'post_grade_demotion', 24, '2027-02-28', ['commend']],
    ['administrative', 'demotion', 24, '2027-02-28', ['commend']],
    ['administrative', 'dismissal_from_post', 24, '2027-02-28', ['commend']],
  ] as const)('%s %s: %i months, last day %s (E1–E3, E7)', (track, measure, months, lastDay, rights) => {
    expect(periodFrom(from, months).lastDay).toBe(lastDay);
    const facts = [sanction(track, measure, from)];
    boundary(facts, lastDay, [...rights]);
    expect(allowed(facts, addDays(from, -1), 'commend')).toBe(true);
    // A warning restricts promotion, not the vote.
    expect(allowed(facts, from, 'vote')).toBe(true);
  });

  test('31 August + 6 months (administrative warning): restricted through 28 February, free on 1 March', () => {
    boundary([sanction('administrative', 'warning', '2025-08-31')], '2026-02-28', ['commend']);
  });

  test('留党察看 1 year: no vote, election, introduction or post until its last day (E4)', () => {
    const facts = [sanction('party', 'party_probation', from, { months: 12 })];
    boundary(facts, '2026-02-28', ['commend', 'introduce', 'vote', 'elect', 'hold_post']);
    const answer = eligibilityOn('2025-06-01', facts, []).vote;
    expect(answer).toMatchObject({ allowed: false, until: '2026-02-28' });
    expect(answer.reasons[0].reason.zh).toContain('留党察看');
  });

  test('留党察看 extended to 2 years: the new last day counts (E4)', () => {
    boundary([sanction('party', 'party_probation', from, { months: 12, lastDay: '2027-02-28' })], '2027-02-28', [
      'vote',
    ]);
  });

  test('restored: posts restricted 2 years from restoration (E5), the vote is back', () => {
    const facts = [
      sanction('party', 'party_probation', from, {
        months: 12,
        concluded: 'restored',
        concludedOn: '2026-03-02',
        restrictionLastDay: periodFrom('2026-03-02', 24).lastDay,
      }),
    ];
    expect(allowed(facts, '2026-03-02', 'vote')).toBe(true);
    boundary(facts, '2028-03-01', ['hold_post']);
  });

  test('expelled: the rights never return by themselves; rejoining waits 5 years (E6)', () => {
    const facts = [sanction('party', 'expulsion', from)];
    boundary(facts, '2030-02-28', ['rejoin']);
    expect(eligibilityOn('2040-01-01', facts, []).vote).toMatchObject({ allowed: false, until: null });
  });

  test('a teacher-ethics disqualification: no commendation for its 24 months (E8)', () => {
    const disq: DisqualificationFact[] = [
      {
        caseId: 'c1',
        disqualificationId: 'd1',
        decidedOn: from,
        decidingBody: '县教育局',
        documentNumber: '蒲教发〔2025〕9号',
        lastDay: '2027-02-28',
      },
    ];
    boundary([], '2027-02-28', ['commend'], disq);
  });

  test('every reason, the longest one’s end: a Party warning and an administrative demerit together', () => {
    const facts = [sanction('party', 'warning', from), sanction('administrative', 'warning', from)];
    const answer = eligibilityOn('2025-04-01', facts, []).commend;
    expect(answer.reasons).toHaveLength(2);
    expect(answer.until).toBe('2026-02-28');
    expect(eligibilityOn('2025-09-01', facts, []).commend.reasons).toHaveLength(1);
  });

  test('revoked on appeal: counts until the day before the revocation, not from it', () => {
    const facts = [sanction('party', 'party_probation', from, { months: 24, revokedOn: '2025-10-10' })];
    expect(allowed(facts, '2025-10-09', 'vote')).toBe(false);
    expect(allowed(facts, '2025-10-10', 'vote')).toBe(true);
    expect(allowed(facts, '2025-10-11', 'introduce')).toBe(true);
  });
});
