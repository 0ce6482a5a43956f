import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase } from '../development-case.js';
import { appointIntroducers } from './appoint-introducers.js';
import { completeConcentratedTraining } from './complete-concentrated-training.js';
import { determineCandidate } from './determine-candidate.js';
import { PERSON, historyUntil } from './development.fixtures.js';
import { reviewInBranchCommittee } from './review-in-branch-committee.js';

const determine =
  (on: string, publicityFrom: string, publicityTo: string) => (s: Parameters<typeof determineCandidate>[1]) =>
    determineCandidate(
      command('DetermineCandidate', { personId: PERSON, on, publicityFrom, publicityTo }, testMetadata()),
      s,
    );
const listed = (on: string, publicityFrom: string, publicityTo: string, days: number) => ({
  type: 'CandidateDetermined' as const,
  data: {
    personId: PERSON,
    on,
    publicityFrom,
    publicityTo,
    publicityWorkingDays: days,
    rulesVersion: '2014',
    records: [],
  },
});

describe('step 7: development candidate (Art. 13: a year of cultivation; A9: publicity in working days)', () => {
  const ready = historyUntil('cultivation');
  test('a year to the day after becoming an activist, after 5 working days of publicity: listed', () =>
    spec(developmentCase)
      .given(ready)
      .when(determine('2024-09-01', '2024-08-26', '2024-08-30'))
      .then([listed('2024-09-01', '2024-08-26', '2024-08-30', 5)]));
  test('one day short of a year of cultivation: development.cultivation-under-1-year', () =>
    spec(developmentCase)
      .given(ready)
      .when(determine('2024-08-31', '2024-08-26', '2024-08-30'))
      .thenFails('development.cultivation-under-1-year'));
  test('publicity over the National Day holiday: 27 Sep – 8 Oct 2024 is only 4 working days', () =>
    spec(developmentCase)
      .given(ready)
      .when(determine('2024-10-10', '2024-09-27', '2024-10-08'))
      .thenFails('development.publicity-too-short', 'publicityTo'));
  test('publicity 27 Sep – 9 Oct 2024 counts the 调休 Sunday 29 Sep and reaches 5 working days', () =>
    spec(developmentCase)
      .given(ready)
      .when(determine('2024-10-10', '2024-09-27', '2024-10-09'))
      .then([listed('2024-10-10', '2024-09-27', '2024-10-09', 5)]));
  test('a publicity ending after the decision is refused', () =>
    spec(developmentCase)
      .given(ready)
      .when(determine('2024-10-10', '2024-10-01', '2024-10-14'))
      .thenFails('development.publicity-dates'));
  test('without cultivation contacts and an assessment it is out of order', () =>
    spec(developmentCase)
      .given(historyUntil('activistFiled'))
      .when(determine('2024-10-10', '2024-09-27', '2024-10-09'))
      .thenFails('development.out-of-order'));
});

describe('step 9: two introducers, full members not under 留党察看 (Art. 14)', () => {
  const standing = (memberId: string, full = true, underPartyProbation = false) => ({
    memberId,
    name: memberId,
    full,
    underPartyProbation,
  });
  const appoint =
    (ids: string[], standings: ReturnType<typeof standing>[]) => (s: Parameters<typeof appointIntroducers>[1]) =>
      appointIntroducers(
        command('AppointIntroducers', { personId: PERSON, on: '2024-09-25', introducerIds: ids }, testMetadata()),
        s,
        standings,
      );
  const given = historyUntil('candidateFiled');
  test('two full members are appointed', () =>
    spec(developmentCase)
      .given(given)
      .when(appoint(['m-1', 'm-2'], [standing('m-1'), standing('m-2')]))
      .then([
        {
          type: 'IntroducersAppointed',
          data: {
            personId: PERSON,
            on: '2024-09-25',
            introducers: [
              { memberId: 'm-1', name: 'm-1' },
              { memberId: 'm-2', name: 'm-2' },
            ],
            records: [],
          },
        },
      ]));
  test('one introducer is not enough', () =>
    spec(developmentCase)
      .given(given)
      .when(appoint(['m-1'], [standing('m-1')]))
      .thenFails('development.introducers-two'));
  test('the same member twice is not two introducers', () =>
    spec(developmentCase)
      .given(given)
      .when(appoint(['m-1', 'm-1'], [standing('m-1'), standing('m-1')]))
      .thenFails('development.introducer-distinct'));
  test('a probationary member may not introduce', () =>
    spec(developmentCase)
      .given(given)
      .when(appoint(['m-1', 'm-2'], [standing('m-1'), standing('m-2', false)]))
      .thenFails('development.introducer-not-full-member', 'introducerIds.1'));
  test('a member under 留党察看 may not introduce', () =>
    spec(developmentCase)
      .given(given)
      .when(appoint(['m-1', 'm-2'], [standing('m-1', true, true), standing('m-2')]))
      .thenFails('development.introducer-under-party-probation', 'introducerIds.0'));
});

describe('step 11: concentrated training of 3 days or 24 class hours (Art. 17)', () => {
  const train = (days: number, classHours: number) => (s: Parameters<typeof completeConcentratedTraining>[1]) =>
    completeConcentratedTraining(
      command(
        'CompleteConcentratedTraining',
        { personId: PERSON, on: '2024-10-25', days, classHours, provider: '县委党校' },
        testMetadata(),
      ),
      s,
    );
  const given = historyUntil('politicalReview');
  const done = (days: number, classHours: number) => [
    {
      type: 'ConcentratedTrainingCompleted' as const,
      data: { personId: PERSON, on: '2024-10-25', days, classHours, provider: '县委党校', records: [] },
    },
  ];
  test('3 days suffice', () => spec(developmentCase).given(given).when(train(3, 18)).then(done(3, 18)));
  test('24 class hours suffice', () => spec(developmentCase).given(given).when(train(2, 24)).then(done(2, 24)));
  test('2.5 days and 20 hours fall short: development.training-too-short', () =>
    spec(developmentCase).given(given).when(train(2.5, 20)).thenFails('development.training-too-short', 'days'));
});

describe('political review (Arts. 15–16): nobody who has not passed may go further', () => {
  const review = (s: Parameters<typeof reviewInBranchCommittee>[1]) =>
    reviewInBranchCommittee(
      command(
        'ReviewInBranchCommittee',
        { personId: PERSON, on: '2024-11-01', conclusion: 'submit' as const },
        testMetadata(),
      ),
      s,
    );
  test('after a passed review, training and filing the branch committee reviews', () =>
    spec(developmentCase)
      .given(historyUntil('training'))
      .when(review)
      .then([
        {
          type: 'BranchCommitteeReviewed',
          data: { personId: PERSON, on: '2024-11-01', conclusion: 'submit', records: [] },
        },
      ]));
  test('a review concluded "not passed" blocks the case', () => {
    const failed = historyUntil('training').map((e) =>
      e.type === 'PoliticalReviewConcluded' ? { ...e, data: { ...e.data, conclusion: 'not_passed' as const } } : e,
    );
    spec(developmentCase).given(failed).when(review).thenFails('development.political-review-not-passed');
  });
});
