import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase, type DevelopmentCase } from '../development-case.js';
import { defaultRuleBook, parseRuleBook, type RuleBook } from '../development-rules.js';
import type { VoteCounts } from '../development.events.js';
import { concludePreReview } from './conclude-pre-review.js';
import { PERSON, historyUntil, votes } from './development.fixtures.js';
import { holdAdmissionVote } from './hold-admission-vote.js';

const vote =
  (
    counts: VoteCounts,
    opts: {
      on?: string;
      resolution?: 'admit' | 'not_admit';
      delayReason?: string;
      roster?: number;
      probationers?: number;
    } = {},
  ) =>
  (s: Parameters<typeof holdAdmissionVote>[1]) =>
    holdAdmissionVote(
      command(
        'HoldAdmissionVote',
        {
          personId: PERSON,
          on: opts.on ?? '2024-12-02',
          votes: counts,
          resolution: opts.resolution ?? 'admit',
          delayReason: opts.delayReason,
        },
        testMetadata(),
      ),
      s,
      { full: opts.roster ?? 9, probationary: opts.probationers ?? 2 },
    );
const held = (
  counts: VoteCounts,
  on = '2024-12-02',
  rulesVersion = '2014',
  delayReason: string | null = null,
  resolution: 'admit' | 'not_admit' = 'admit',
) => [
  {
    type: 'AdmissionVoteHeld' as const,
    data: { personId: PERSON, on, votes: counts, resolution, delayReason, rulesVersion, records: [] },
  },
];
const given = historyUntil('admissionForm');

describe('step 15: the branch general meeting vote (Art. 20)', () => {
  test('5 of 9 entitled full members present, 5 in favour: admitted', () => {
    const counts = votes({ entitled: 9, present: 5, writtenOpinions: 0, inFavour: 5, against: 0, abstain: 0 });
    spec(developmentCase).given(given).when(vote(counts)).then(held(counts));
  });
  test('quorum: 4 of 9 present is not more than half: development.vote-quorum', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ present: 4, writtenOpinions: 4, inFavour: 8 })))
      .thenFails('development.vote-quorum', 'votes.present'));
  test('majority of the ENTITLED, not of those present: 4 in favour of 9 fails even with 5 present', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ present: 5, writtenOpinions: 0, inFavour: 4, against: 1, abstain: 0 })))
      .thenFails('development.vote-majority', 'votes.inFavour'));
  test('written opinions submitted before the meeting count: 4 present + 1 written in favour make 5 of 9', () => {
    const counts = votes({ entitled: 9, present: 5, writtenOpinions: 1, inFavour: 5, against: 1, abstain: 0 });
    spec(developmentCase).given(given).when(vote(counts)).then(held(counts));
  });
  test('probationary members do not vote: more entitled than full members on the roster is refused', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ entitled: 11 }), { roster: 9 }))
      .thenFails('development.vote-entitled-exceeds-full-members', 'votes.entitled'));
  test('probationary members attend apart: not in the quorum, and no more than the branch has', () => {
    // 9 entitled, 4 full members and 2 probationers in the room: no quorum, however the room is counted.
    const counts = votes({ present: 4, writtenOpinions: 0, probationaryPresent: 2, inFavour: 4, against: 0 });
    spec(developmentCase).given(given).when(vote(counts)).thenFails('development.vote-quorum', 'votes.present');
    const attending = votes({ probationaryPresent: 2 });
    spec(developmentCase).given(given).when(vote(attending)).then(held(attending));
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ probationaryPresent: 3 }), { probationers: 2 }))
      .thenFails('development.vote-probationary-exceeds-roster', 'votes.probationaryPresent');
  });
  test('the counts must add up', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ inFavour: 9 })))
      .thenFails('development.vote-arithmetic'));
  test('a resolution not to admit against a majority in favour contradicts the count', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes(), { resolution: 'not_admit' }))
      .thenFails('development.vote-resolution-mismatch'));
  test('a failed vote is recorded as the meeting resolved it, and the case waits at step 14', () => {
    const counts = votes({ present: 6, writtenOpinions: 0, inFavour: 3, against: 3 });
    spec(developmentCase)
      .given(given)
      .when(vote(counts, { resolution: 'not_admit' }))
      .then(held(counts, '2024-12-02', '2014', null, 'not_admit'));
  });
  test('a branch with fewer than 3 full members may not hold the meeting', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes({ entitled: 2, present: 2, writtenOpinions: 0, inFavour: 2 })))
      .thenFails('development.vote-too-few-members'));
});

describe('A15: the meeting within a month of the pre-review, enforced from the 2026 revision', () => {
  const in2026 = historyUntil('admissionForm', {
    branchReview: '2026-06-01',
    preReview: '2026-06-10',
    admissionForm: '2026-06-11',
  });
  test('2014 rules: a meeting two months after the pre-review is recorded (reminder only)', () =>
    spec(developmentCase)
      .given(given)
      .when(vote(votes(), { on: '2025-01-20' }))
      .then(held(votes(), '2025-01-20')));
  test('2026 rules: within the month is fine', () =>
    spec(developmentCase)
      .given(in2026)
      .when(vote(votes(), { on: '2026-07-10' }))
      .then(held(votes(), '2026-07-10', '2026')));
  test('2026 rules: a day late without a reason is refused: development.meeting-window', () =>
    spec(developmentCase)
      .given(in2026)
      .when(vote(votes(), { on: '2026-07-11' }))
      .thenFails('development.meeting-window', 'delayReason'));
  test('2026 rules: late with a stated reason is recorded', () =>
    spec(developmentCase)
      .given(in2026)
      .when(vote(votes(), { on: '2026-07-11', delayReason: '暑假' }))
      .then(held(votes(), '2026-07-11', '2026', '暑假')));
});

describe('step 13: a candidate leaving the unit within 3 months is not processed (Art. 19)', () => {
  const preReview = (leavingUnitOn: string | null) => (s: Parameters<typeof concludePreReview>[1]) =>
    concludePreReview(
      command(
        'ConcludePreReview',
        { personId: PERSON, on: '2024-11-15', conclusion: 'passed' as const, leavingUnitOn },
        testMetadata(),
      ),
      s,
    );
  const ready = historyUntil('branchReview');
  test('leaving 3 months and a day later: the pre-review passes', () =>
    spec(developmentCase)
      .given(ready)
      .when(preReview('2025-02-16'))
      .then([
        {
          type: 'PreReviewConcluded',
          data: {
            personId: PERSON,
            on: '2024-11-15',
            conclusion: 'passed',
            leavingUnitOn: '2025-02-16',
            delayReason: null,
            records: [],
          },
        },
      ]));
  test('leaving exactly 3 months later: development.leaving-within-3-months', () =>
    spec(developmentCase)
      .given(ready)
      .when(preReview('2025-02-15'))
      .thenFails('development.leaving-within-3-months', 'leavingUnitOn'));
});

describe('step 15 [Local]: a candidate not admitted may not be resubmitted for 6 months', () => {
  const failed = votes({ present: 6, writtenOpinions: 0, inFavour: 3, against: 3 });
  const given2014 = [...historyUntil('admissionForm'), ...held(failed, '2024-12-02', '2014', null, 'not_admit')];
  const revote =
    (on: string, opts: { book?: RuleBook; delayReason?: string } = {}) =>
    (s: DevelopmentCase) =>
      holdAdmissionVote(
        command(
          'HoldAdmissionVote',
          { personId: PERSON, on, votes: votes(), resolution: 'admit' as const, delayReason: opts.delayReason },
          testMetadata('2027-06-01T02:00:00.000Z'),
        ),
        s,
        { full: 9, probationary: 0 },
        opts.book,
      );
  /** The default book with the wait set to `months` in every version, from `from` on when given. */
  const bookWithWait = (months: number, from?: string): RuleBook =>
    parseRuleBook({
      versions: from
        ? [
            ...defaultRuleBook.versions,
            { ...defaultRuleBook.versions[0], id: 'local', effectiveFrom: from, resubmissionWaitMonths: months },
          ]
        : defaultRuleBook.versions.map((version) => ({ ...version, resubmissionWaitMonths: months })),
    });

  test('a new vote a day before the wait ends is refused: development.resubmission-wait on `on`', () =>
    spec(developmentCase).given(given2014).when(revote('2025-06-01')).thenFails('development.resubmission-wait', 'on'));
  test('six months to the day after the failed vote, the new vote is held and admits', () =>
    spec(developmentCase).given(given2014).when(revote('2025-06-02')).then(held(votes(), '2025-06-02')));
  test('a rule book with no wait (0 months) lets the branch vote again the next day', () =>
    spec(developmentCase)
      .given(given2014)
      .when(revote('2024-12-03', { book: bookWithWait(0) }))
      .then(held(votes(), '2024-12-03')));
  test('judged by the version in force on the new vote: a local book dropping the wait from 2025-03-01', () => {
    const book = bookWithWait(0, '2025-03-01');
    spec(developmentCase)
      .given(given2014)
      .when(revote('2025-02-28', { book }))
      .thenFails('development.resubmission-wait', 'on');
    spec(developmentCase)
      .given(given2014)
      .when(revote('2025-03-01', { book }))
      .then(held(votes(), '2025-03-01', 'local'));
  });
  test('a second failure starts a new wait from the second vote', () =>
    spec(developmentCase)
      .given([...given2014, ...held(failed, '2025-06-10', '2014', null, 'not_admit')])
      .when(revote('2025-12-09'))
      .thenFails('development.resubmission-wait', 'on'));

  describe('2026 rules: the meeting window of a resubmission runs from the end of the wait', () => {
    // Pre-review 2026-06-10, failed vote 2026-06-20: the wait ends 2026-12-20, the meeting is due by 2027-01-20.
    const given2026 = [
      ...historyUntil('admissionForm', {
        branchReview: '2026-06-01',
        preReview: '2026-06-10',
        admissionForm: '2026-06-11',
      }),
      ...held(failed, '2026-06-20', '2026', null, 'not_admit'),
    ];
    test('within a month of the end of the wait: held, long after the old pre-review', () =>
      spec(developmentCase)
        .given(given2026)
        .when(revote('2027-01-20'))
        .then(held(votes(), '2027-01-20', '2026')));
    test('a day later without a reason: development.meeting-window', () =>
      spec(developmentCase)
        .given(given2026)
        .when(revote('2027-01-21'))
        .thenFails('development.meeting-window', 'delayReason'));
    test('with no wait the window runs from the failed vote, not from the pre-review', () =>
      spec(developmentCase)
        .given(given2026)
        .when(revote('2026-07-15', { book: bookWithWait(0) }))
        .then(held(votes(), '2026-07-15', '2026')));
  });
});
