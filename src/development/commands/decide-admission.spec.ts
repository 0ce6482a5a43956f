import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase } from '../development-case.js';
import { decideAdmission } from './decide-admission.js';
import { PERSON, historyUntil } from './development.fixtures.js';
import { takeOath } from './take-oath.js';

const decide =
  (on: string, specialReason?: string, decision: 'approved' | 'not_approved' = 'approved') =>
  (s: Parameters<typeof decideAdmission>[1]) =>
    decideAdmission(
      command(
        'DecideAdmission',
        { personId: PERSON, on, decision, specialReason, reason: '条件不成熟' },
        testMetadata(),
      ),
      s,
    );
const approved = (on: string, specialReason: string | null = null) => [
  {
    type: 'AdmissionApproved' as const,
    data: {
      personId: PERSON,
      on,
      specialReason,
      probationStart: '2024-12-02',
      probationEnd: '2025-12-02',
      rulesVersion: '2014',
      records: [],
    },
  },
];
const given = historyUntil('interview');

describe('step 17: approval within 3 months of the branch resolution, 6 at most (A16)', () => {
  test('approved within 3 months; probation runs a year from the branch meeting (Art. 32)', () =>
    spec(developmentCase).given(given).when(decide('2025-03-02')).then(approved('2025-03-02')));
  test('after 3 months without a special reason: development.approval-special-reason-required', () =>
    spec(developmentCase)
      .given(given)
      .when(decide('2025-03-03'))
      .thenFails('development.approval-special-reason-required', 'specialReason'));
  test('between 3 and 6 months with a stated special reason: approved', () =>
    spec(developmentCase)
      .given(given)
      .when(decide('2025-06-02', '审批委员会换届'))
      .then(approved('2025-06-02', '审批委员会换届')));
  test('after 6 months even with a reason: development.approval-after-6-months', () =>
    spec(developmentCase)
      .given(given)
      .when(decide('2025-06-03', '审批委员会换届'))
      .thenFails('development.approval-after-6-months'));
  test("the committee's refusal is recorded, not made, by the system", () =>
    spec(developmentCase)
      .given(given)
      .when(decide('2025-01-10', undefined, 'not_approved'))
      .then([
        {
          type: 'AdmissionNotApproved',
          data: { personId: PERSON, on: '2025-01-10', reason: '条件不成熟', records: [] },
        },
      ]));
  test('no approval before the higher committee has interviewed the candidate', () =>
    spec(developmentCase)
      .given(historyUntil('admissionVote'))
      .when(decide('2025-01-10'))
      .thenFails('development.out-of-order'));
});

describe('step 20: the oath, within a month of approval under the 2026 revision (A18)', () => {
  const oath = (on: string, delayReason?: string) => (s: Parameters<typeof takeOath>[1]) =>
    takeOath(command('TakeOath', { personId: PERSON, on, delayReason }, testMetadata()), s);
  const in2026 = historyUntil('approvalFiled', {
    branchReview: '2026-05-20',
    preReview: '2026-05-25',
    admissionForm: '2026-05-26',
    admissionVote: '2026-06-01',
    interview: '2026-06-05',
    approval: '2026-06-10',
    approvalFiled: '2026-06-11',
  });
  test('2014 rules: an oath three months after approval is recorded', () =>
    spec(developmentCase)
      .given(historyUntil('approvalFiled'))
      .when(oath('2025-03-20'))
      .then([{ type: 'OathTaken', data: { personId: PERSON, on: '2025-03-20', delayReason: null, records: [] } }]));
  test('2026 rules: within the month', () =>
    spec(developmentCase)
      .given(in2026)
      .when(oath('2026-07-10'))
      .then([{ type: 'OathTaken', data: { personId: PERSON, on: '2026-07-10', delayReason: null, records: [] } }]));
  test('2026 rules: late without a reason: development.oath-window', () =>
    spec(developmentCase).given(in2026).when(oath('2026-07-11')).thenFails('development.oath-window', 'delayReason'));
});
