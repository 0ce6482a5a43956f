import { describe, expect, test } from '@jest/globals';
import { developmentCase, type OpenCase } from './development-case.js';
import { defaultRuleBook, parseRuleBook, rulesInForceOn } from './development-rules.js';
import { historyUntil, votes } from './commands/development.fixtures.js';
import { openObligations } from './obligations.js';

describe('development rules: versioned data with an effective date', () => {
  test('each date is judged by the version in force on it', () => {
    expect(rulesInForceOn('2026-05-17').id).toBe('2014');
    expect(rulesInForceOn('2026-05-18').id).toBe('2026');
    expect(rulesInForceOn('2026-05-18').admissionMeetingWindow.enforced).toBe(true);
    expect(rulesInForceOn('2020-01-01').oathWindow.enforced).toBe(false);
  });
  test('an override is validated field by field', () => {
    const local = {
      ...defaultRuleBook.versions[1],
      id: 'pucheng-2026',
      effectiveFrom: '2026-09-01',
      candidatePublicityWorkingDays: 7,
    };
    const book = parseRuleBook({ versions: [...defaultRuleBook.versions, local] });
    expect(rulesInForceOn('2026-09-01', book).candidatePublicityWorkingDays).toBe(7);
    expect(() => parseRuleBook({ versions: [{ ...local, probationYears: 0 }] })).toThrow(/probationYears/);
  });
  test('the resubmission wait: 6 months in both versions; 0 (none) is valid, a negative one is refused', () => {
    expect(defaultRuleBook.versions.map((v) => v.resubmissionWaitMonths)).toEqual([6, 6]);
    const base = defaultRuleBook.versions[1];
    const none = parseRuleBook({ versions: [{ ...base, resubmissionWaitMonths: 0 }] });
    expect(none.versions[0].resubmissionWaitMonths).toBe(0);
    expect(() => parseRuleBook({ versions: [{ ...base, resubmissionWaitMonths: -1 }] })).toThrow(
      /resubmissionWaitMonths/,
    );
  });
  test('a book written before the resubmission wait existed still loads, with the built-in 6 months', () => {
    const { resubmissionWaitMonths: _dropped, ...older } = defaultRuleBook.versions[1];
    expect(parseRuleBook({ versions: [older] }).versions[0].resubmissionWaitMonths).toBe(6);
  });
});

describe('obligations A1–A23 of a case', () => {
  const fold = (events: ReturnType<typeof historyUntil>) =>
    events.reduce(developmentCase.evolve, developmentCase.initialState()) as OpenCase;
  test('after the application: the talk is due within a month (A1)', () =>
    expect(openObligations(fold(historyUntil('application')))).toEqual([
      expect.objectContaining({ code: 'A1', dueOn: '2023-04-01', who: 'branch_secretary' }),
    ]));
  test('after the branch vote: approval due 3 months after the resolution (A16)', () =>
    expect(openObligations(fold(historyUntil('admissionVote'))).find((o) => o.code === 'A16')?.dueOn).toBe(
      '2025-03-02',
    ));
  test('after approval: conversion application a week before expiry (A19), meeting on expiry (A20)', () => {
    const due = Object.fromEntries(openObligations(fold(historyUntil('oath'))).map((o) => [o.code, o.dueOn]));
    expect(due).toMatchObject({ A19: '2025-11-25', A20: '2025-12-02' });
  });
  test('A8 is the earliest day to list the activist as a candidate, not a deadline', () =>
    expect(openObligations(fold(historyUntil('cultivation'))).find((o) => o.code === 'A8')).toMatchObject({
      notBefore: '2024-09-01',
      dueOn: null,
    }));
  test('A20: the conversion meeting not before probation expires, and promptly then', () =>
    expect(openObligations(fold(historyUntil('oath'))).find((o) => o.code === 'A20')).toMatchObject({
      notBefore: '2025-12-02',
      dueOn: '2025-12-02',
    }));
  test('after a vote not to admit: the next meeting (A15) not before the wait ends, due a month later', () => {
    const failed = {
      type: 'AdmissionVoteHeld' as const,
      data: {
        personId: 'p-1',
        on: '2024-12-02',
        votes: votes({ present: 6, writtenOpinions: 0, inFavour: 3, against: 3 }),
        resolution: 'not_admit' as const,
        delayReason: null,
        rulesVersion: '2014',
      },
    };
    const c = fold([...historyUntil('admissionForm'), failed]);
    expect(c.lastFailedVoteOn).toBe('2024-12-02');
    expect(openObligations(c).find((o) => o.code === 'A15')).toMatchObject({
      notBefore: '2025-06-02',
      dueOn: '2025-07-02',
    });
  });
  test('before any vote, A15 has no earliest date and is due a month after the pre-review', () =>
    expect(openObligations(fold(historyUntil('admissionForm'))).find((o) => o.code === 'A15')).toMatchObject({
      notBefore: null,
      dueOn: '2024-12-15',
    }));
  test('nothing is open once the materials are archived', () =>
    expect(openObligations(fold(historyUntil('archived')))).toEqual([]));
});
