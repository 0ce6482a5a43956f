import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { disciplineCase } from '../discipline-case.js';
import { imposeSanction, periodOf } from './impose-sanction.js';
import { CASE, cmd, confirmed, decision, imposed, MEMBER, opened, ORG, UNIT } from './discipline.fixtures.js';

const impose =
  (track: 'party' | 'administrative', measure: string, decidedOn = '2025-03-01', months?: number) =>
  (state: Parameters<typeof imposeSanction>[1]) =>
    imposeSanction(
      cmd('ImposeSanction', {
        track,
        measure: measure as 'warning',
        months,
        sanctionId: 's-1',
        ...decision(decidedOn),
      }),
      state,
    );

describe('imposing a sanction', () => {
  test('a Party warning: its own record with the deciding body, document number and the period in force', () =>
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'warning'))
      .then([
        {
          type: 'SanctionImposed',
          data: {
            caseId: CASE,
            sanctionId: 's-1',
            track: 'party',
            measure: 'warning',
            personId: MEMBER,
            memberId: MEMBER,
            unitId: UNIT,
            orgId: ORG,
            ...decision('2025-03-01'),
            periodTable: '2024',
            months: 12,
            lastDay: '2026-02-28',
            freeFrom: '2026-03-01',
          },
        },
      ]));

  test('probationary members receive the measures for them, not sanctions', () =>
    spec(disciplineCase)
      .given([opened('misconduct', 'probationary')])
      .when(impose('party', 'serious_warning'))
      .thenFails('discipline.probationary-member-no-sanction', 'track'));

  test('a non-member receives no Party sanction', () =>
    spec(disciplineCase)
      .given([opened('misconduct', 'non_member')])
      .when(impose('party', 'warning'))
      .thenFails('discipline.party-sanction-non-member', 'track'));

  test('留党察看 lasts 1 or 2 years only', () => {
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'party_probation', '2025-03-01', 18))
      .thenFails('discipline.party-probation-term', 'months');
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'party_probation'))
      .thenFails('discipline.party-probation-term', 'months');
  });

  test('administrative sanctions by role: 记大过 for managers only, 降低岗位等级 for other staff only', () => {
    spec(disciplineCase)
      .given([opened()])
      .when(impose('administrative', 'major_demerit'))
      .thenFails('discipline.measure-for-managers-only', 'measure');
    spec(disciplineCase)
      .given([opened('misconduct', 'full', true)])
      .when(impose('administrative', 'post_grade_demotion'))
      .thenFails('discipline.measure-not-for-managers', 'measure');
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'demerit'))
      .thenFails('discipline.not-a-party-sanction', 'measure');
  });

  test('one standing sanction per track in a case; a teacher-ethics case sanctions only a confirmed violation', () => {
    spec(disciplineCase)
      .given([opened(), imposed('party', 'warning', '2025-03-01')])
      .when(impose('party', 'warning'))
      .thenFails('discipline.sanction-already-imposed', 'track');
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation')])
      .when(impose('administrative', 'warning'))
      .thenFails('discipline.ethics-not-confirmed');
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation'), confirmed()])
      .when(impose('administrative', 'demerit'))
      .then([
        {
          type: 'SanctionImposed',
          data: expectAdministrative(),
        },
      ]);
  });

  test('not before the case was opened, not in the future', () => {
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'warning', '2025-01-01'))
      .thenFails('discipline.before-case-opened', 'decidedOn');
    spec(disciplineCase)
      .given([opened()])
      .when(impose('party', 'warning', '2027-06-02'))
      .thenFails('discipline.in-future', 'decidedOn');
    spec(disciplineCase).given([]).when(impose('party', 'warning')).thenFails('discipline.case-not-found');
  });
});

const expectAdministrative = () => ({
  caseId: CASE,
  sanctionId: 's-1',
  track: 'administrative' as const,
  measure: 'demerit' as const,
  personId: MEMBER,
  memberId: MEMBER,
  unitId: UNIT,
  orgId: ORG,
  ...decision('2025-03-01'),
  ...periodOf('administrative', 'demerit', '2025-03-01', undefined),
});
