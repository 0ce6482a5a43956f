import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { instructor, type Instructor } from '../instructor.js';
import { dispatchInstructor, type DispatchFacts } from './dispatch-instructor.js';
import { dispatched, OTHER_UNIT, UNIT } from './fixtures.js';

const FACTS: DispatchFacts = { instructor: { displayName: '指导员001' }, unit: { name: '兴华学校' } };
const dispatch =
  (startOn: string, endOn: string | null = null, facts = FACTS, unitId = UNIT) =>
  (state: Instructor) =>
    dispatchInstructor(
      command(
        'DispatchInstructor',
        { dispatchId: 'd-new', instructorId: 'instructor-001', unitId, startOn, endOn, note: null },
        testMetadata(),
      ),
      state,
      facts,
    );

describe('dispatching an instructor (派驻党建工作指导员)', () => {
  test('an instructor is dispatched to a unit from a day, open-ended or until a day', () => {
    spec(instructor)
      .given([])
      .when(dispatch('2026-03-01'))
      .then([
        {
          type: 'InstructorDispatched',
          data: {
            dispatchId: 'd-new',
            instructorId: 'instructor-001',
            unitId: UNIT,
            startOn: '2026-03-01',
            endOn: null,
            note: null,
          },
        },
      ]);
  });

  test('only a user holding the instructor role, to a unit that exists', () => {
    spec(instructor)
      .given([])
      .when(dispatch('2026-03-01', null, { ...FACTS, instructor: null }))
      .thenFails('instructors.not-an-instructor', 'instructorId');
    spec(instructor)
      .given([])
      .when(dispatch('2026-03-01', null, { ...FACTS, unit: null }))
      .thenFails('instructors.unit-unknown', 'unitId');
  });

  test('a dispatch does not end before it starts', () => {
    spec(instructor)
      .given([])
      .when(dispatch('2026-03-01', '2026-02-28'))
      .thenFails('instructors.end-before-start', 'endOn');
  });

  test('never twice to the same unit over the same days; another unit or a later term is fine', () => {
    spec(instructor)
      .given([dispatched('2026-01-01')])
      .when(dispatch('2026-06-01'))
      .thenFails('instructors.already-dispatched', 'unitId');
    spec(instructor)
      .given([dispatched('2026-01-01', '2026-03-31')])
      .when(dispatch('2026-02-01', '2026-02-10'))
      .thenFails('instructors.already-dispatched', 'unitId');
    spec(instructor)
      .given([dispatched('2026-01-01', '2026-03-31')])
      .when((s) => [dispatch('2026-04-01')(s), dispatch('2026-01-01', null, FACTS, OTHER_UNIT)(s)])
      .then([
        expect.objectContaining({ type: 'InstructorDispatched' }),
        expect.objectContaining({ type: 'InstructorDispatched' }),
      ] as never);
  });
});
