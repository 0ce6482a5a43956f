import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { disciplineCase, type DisciplineCase } from '../discipline-case.js';
import { concludePartyProbation, extendPartyProbation } from './party-probation.js';
import { CASE, cmd, decision, imposed, MEMBER, opened } from './discipline.fixtures.js';

const oneYear = imposed('party', 'party_probation', '2025-03-01', 's-p', 12);
const extend = (decidedOn: string) => (s: DisciplineCase) =>
  extendPartyProbation(cmd('ExtendPartyProbation', { sanctionId: 's-p', ...decision(decidedOn) }), s);
const conclude = (outcome: 'restored' | 'expelled', decidedOn: string) => (s: DisciplineCase) =>
  concludePartyProbation(
    cmd('ConcludePartyProbation', { sanctionId: 's-p', outcome, expulsionId: 's-x', ...decision(decidedOn) }),
    s,
  );

describe('留党察看: extension, restoration, expulsion (E4, E5)', () => {
  test('a 1-year term is extended to 2 years, within the term (its last day included)', () => {
    spec(disciplineCase)
      .given([opened(), oneYear])
      .when(extend('2026-02-28'))
      .then([
        {
          type: 'PartyProbationExtended',
          data: {
            caseId: CASE,
            sanctionId: 's-p',
            personId: MEMBER,
            ...decision('2026-02-28'),
            lastDay: '2027-02-28',
            freeFrom: '2027-03-01',
          },
        },
      ]);
    spec(disciplineCase)
      .given([opened(), oneYear])
      .when(extend('2026-03-01'))
      .thenFails('discipline.party-probation-extend-within-term', 'decidedOn');
  });

  test('at most 2 years: a 2-year term, or one already extended, is not extended', () => {
    spec(disciplineCase)
      .given([opened(), imposed('party', 'party_probation', '2025-03-01', 's-p', 24)])
      .when(extend('2025-09-01'))
      .thenFails('discipline.party-probation-maximum');
    const extended = extend('2025-12-01')(
      disciplineCase.evolve(disciplineCase.evolve(disciplineCase.initialState(), opened()), oneYear),
    );
    spec(disciplineCase)
      .given([opened(), oneYear, extended])
      .when(extend('2026-01-01'))
      .thenFails('discipline.party-probation-maximum');
  });

  test('rights restored on the term’s last day or later, with 2 years’ restriction on posts (E5)', () => {
    spec(disciplineCase)
      .given([opened(), oneYear])
      .when(conclude('restored', '2026-02-27'))
      .thenFails('discipline.restoration-before-term-ends', 'decidedOn');
    spec(disciplineCase)
      .given([opened(), oneYear])
      .when(conclude('restored', '2026-02-28'))
      .then([
        {
          type: 'PartyProbationConcluded',
          data: {
            caseId: CASE,
            sanctionId: 's-p',
            personId: MEMBER,
            outcome: 'restored',
            ...decision('2026-02-28'),
            restrictionLastDay: '2028-02-27',
          },
        },
      ]);
  });

  test('expulsion at any time in the term: the conclusion and an expulsion of its own (E6: 5 years)', () =>
    spec(disciplineCase)
      .given([opened(), oneYear])
      .when(conclude('expelled', '2025-10-01'))
      .then([
        {
          type: 'PartyProbationConcluded',
          data: {
            caseId: CASE,
            sanctionId: 's-p',
            personId: MEMBER,
            outcome: 'expelled',
            ...decision('2025-10-01'),
            restrictionLastDay: null,
          },
        },
        { type: 'SanctionImposed', data: imposed('party', 'expulsion', '2025-10-01', 's-x').data },
      ]));

  test('only a 留党察看 of this case, once', () => {
    spec(disciplineCase)
      .given([opened(), imposed('party', 'warning', '2025-03-01', 's-p')])
      .when(extend('2025-04-01'))
      .thenFails('discipline.not-party-probation');
    const done = conclude(
      'restored',
      '2026-03-01',
    )(disciplineCase.evolve(disciplineCase.evolve(disciplineCase.initialState(), opened()), oneYear));
    spec(disciplineCase)
      .given([opened(), oneYear, ...done])
      .when(conclude('expelled', '2026-04-01'))
      .thenFails('discipline.party-probation-concluded');
  });
});
