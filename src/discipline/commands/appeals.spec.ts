import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { disciplineCase, type DisciplineCase } from '../discipline-case.js';
import { decideAppeal, fileAppeal } from './appeals.js';
import { CASE, cmd, decision, imposed, MEMBER, opened } from './discipline.fixtures.js';

const file =
  (filedOn = '2025-04-01', sanctionId = 's-party') =>
  (s: DisciplineCase) =>
    fileAppeal(cmd('FileAppeal', { appealId: 'a-1', sanctionId, filedOn, grounds: '事实不清' }), s);
const decide =
  (outcome: 'upheld' | 'revoked', decidedOn = '2025-05-01') =>
  (s: DisciplineCase) =>
    decideAppeal(cmd('DecideAppeal', { appealId: 'a-1', outcome, ...decision(decidedOn) }), s);
const appealed = {
  type: 'SanctionAppealed' as const,
  data: {
    caseId: CASE,
    appealId: 'a-1',
    sanctionId: 's-party',
    personId: MEMBER,
    filedOn: '2025-04-01',
    grounds: '事实不清',
  },
};
const sanctioned = imposed('party', 'warning', '2025-03-01');

describe('appeals', () => {
  test('an appeal against a sanction of the case, after its decision, one pending at a time', () => {
    spec(disciplineCase).given([opened(), sanctioned]).when(file()).then([appealed]);
    spec(disciplineCase)
      .given([opened(), sanctioned])
      .when(file('2025-04-01', 'nope'))
      .thenFails('discipline.sanction-not-found');
    spec(disciplineCase)
      .given([opened(), sanctioned])
      .when(file('2025-02-01'))
      .thenFails('discipline.appeal-date', 'filedOn');
    spec(disciplineCase).given([opened(), sanctioned, appealed]).when(file()).thenFails('discipline.appeal-pending');
  });

  test('revoked: recorded with body and document; the sanction cannot be appealed again', () => {
    spec(disciplineCase)
      .given([opened(), sanctioned, appealed])
      .when(decide('revoked'))
      .then([
        {
          type: 'AppealDecided',
          data: {
            caseId: CASE,
            appealId: 'a-1',
            sanctionId: 's-party',
            personId: MEMBER,
            outcome: 'revoked',
            ...decision('2025-05-01'),
          },
        },
      ]);
    const revoked = decide('revoked')(
      disciplineCase.evolve(
        disciplineCase.evolve(disciplineCase.evolve(disciplineCase.initialState(), opened()), sanctioned),
        appealed,
      ),
    );
    spec(disciplineCase)
      .given([opened(), sanctioned, appealed, revoked])
      .when(file('2025-06-01'))
      .thenFails('discipline.sanction-revoked');
    spec(disciplineCase)
      .given([opened(), sanctioned, appealed, revoked])
      .when(decide('upheld'))
      .thenFails('discipline.appeal-decided');
  });

  test('the decision follows the appeal', () =>
    spec(disciplineCase)
      .given([opened(), sanctioned, appealed])
      .when(decide('upheld', '2025-03-15'))
      .thenFails('discipline.appeal-decision-date', 'decidedOn'));
});
