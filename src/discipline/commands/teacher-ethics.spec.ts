import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { disciplineCase, type DisciplineCase } from '../discipline-case.js';
import { closeCase, confirmViolation, disqualify } from './teacher-ethics.js';
import { takeProbationaryMeasure } from './probationary-measure.js';
import { CASE, cmd, confirmed, decision, imposed, MEMBER, opened, UNIT } from './discipline.fixtures.js';

const close =
  (conclusion: 'decided' | 'unfounded' = 'decided') =>
  (s: DisciplineCase) =>
    closeCase(cmd('CloseDisciplineCase', { closedOn: '2025-06-01', conclusion }), s);
const disqualified = {
  type: 'CommendationDisqualified' as const,
  data: {
    caseId: CASE,
    disqualificationId: 'd-1',
    personId: MEMBER,
    unitId: UNIT,
    months: 24,
    lastDay: '2027-02-28',
    freeFrom: '2027-03-01',
    ...decision('2025-03-01'),
  },
};

describe('teacher ethics: confirmation, double punishment, disqualification (E8)', () => {
  test('a confirmed violation: findings, deciding body, document number', () =>
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation')])
      .when((s) =>
        confirmViolation(cmd('ConfirmEthicsViolation', { findings: '体罚学生属实', ...decision('2025-02-01') }), s),
      )
      .then([confirmed()]));

  test('disqualification of at least 24 months, after confirmation', () => {
    const dq = (months: number) => (s: DisciplineCase) =>
      disqualify(
        cmd('DisqualifyFromCommendation', { disqualificationId: 'd-1', months, ...decision('2025-03-01') }),
        s,
      );
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation'), confirmed()])
      .when(dq(23))
      .thenFails('discipline.ethics-disqualification-minimum', 'months');
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation')])
      .when(dq(24))
      .thenFails('discipline.ethics-not-confirmed');
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation'), confirmed()])
      .when(dq(24))
      .then([disqualified]);
  });

  test('a member teacher’s case does not close with only one of the sanctions', () => {
    const base = [opened('teacher_ethics_violation'), confirmed()];
    spec(disciplineCase)
      .given([...base, imposed('administrative', 'warning', '2025-03-01'), disqualified])
      .when(close())
      .thenFails('discipline.dual-punishment-incomplete', 'conclusion');
    spec(disciplineCase)
      .given([...base, imposed('party', 'warning', '2025-03-01'), disqualified])
      .when(close())
      .thenFails('discipline.dual-punishment-incomplete');
    spec(disciplineCase)
      .given([...base, imposed('party', 'warning', '2025-03-01'), imposed('administrative', 'warning', '2025-03-01')])
      .when(close())
      .thenFails('discipline.dual-punishment-incomplete');
    spec(disciplineCase)
      .given([
        ...base,
        imposed('party', 'warning', '2025-03-01'),
        imposed('administrative', 'warning', '2025-03-01'),
        disqualified,
      ])
      .when(close())
      .then([
        {
          type: 'DisciplineCaseClosed',
          data: { caseId: CASE, personId: MEMBER, closedOn: '2025-06-01', conclusion: 'decided' },
        },
      ]);
  });

  test('a non-member teacher: administrative sanction and disqualification suffice', () =>
    spec(disciplineCase)
      .given([
        opened('teacher_ethics_violation', 'non_member'),
        confirmed(),
        imposed('administrative', 'warning', '2025-03-01'),
        disqualified,
      ])
      .when(close())
      .then([
        {
          type: 'DisciplineCaseClosed',
          data: { caseId: CASE, personId: MEMBER, closedOn: '2025-06-01', conclusion: 'decided' },
        },
      ]));

  test('unfounded only without decisions; decided only with one', () => {
    spec(disciplineCase)
      .given([opened('teacher_ethics_violation'), confirmed()])
      .when(close('unfounded'))
      .thenFails('discipline.closed-unfounded-with-decisions');
    spec(disciplineCase).given([opened()]).when(close('decided')).thenFails('discipline.closed-without-decision');
  });

  test('measures for probationary members only', () => {
    const measure = (s: DisciplineCase) =>
      takeProbationaryMeasure(
        cmd('TakeProbationaryMeasure', {
          measureId: 'pm-1',
          measure: 'probation_extension',
          ...decision('2025-03-01'),
        }),
        s,
      );
    spec(disciplineCase)
      .given([opened()])
      .when(measure)
      .thenFails('discipline.measure-for-probationary-only', 'measure');
    spec(disciplineCase)
      .given([opened('misconduct', 'probationary')])
      .when(measure)
      .then([
        {
          type: 'ProbationaryMeasureTaken',
          data: {
            caseId: CASE,
            measureId: 'pm-1',
            measure: 'probation_extension',
            personId: MEMBER,
            memberId: MEMBER,
            unitId: UNIT,
            ...decision('2025-03-01'),
          },
        },
      ]);
  });
});
