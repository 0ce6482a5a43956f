import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { instructor, type Instructor } from '../instructor.js';
import { logVisit } from './log-visit.js';
import { dispatched, OTHER_UNIT, UNIT, visited } from './fixtures.js';

const visit =
  (visitedOn: string, unitId = UNIT) =>
  (state: Instructor) =>
    logVisit(
      command(
        'LogVisit',
        {
          visitId: 'v-new',
          instructorId: 'instructor-001',
          unitId,
          visitedOn,
          duties: ['publicise_policy', 'solve_difficulties'],
          note: '座谈',
        },
        // 2026-11-23 10:00 in Asia/Shanghai
        testMetadata('2026-11-23T02:00:00.000Z'),
      ),
      state,
    );

describe('logging a visit (C1)', () => {
  test('a visit to a unit dispatched to that day counts under its dispatch', () => {
    spec(instructor)
      .given([dispatched()])
      .when(visit('2026-11-23'))
      .then([
        {
          type: 'InstructorVisitLogged',
          data: {
            visitId: 'v-new',
            instructorId: 'instructor-001',
            unitId: UNIT,
            dispatchId: 'd-1-2026-03-01',
            visitedOn: '2026-11-23',
            duties: ['publicise_policy', 'solve_difficulties'],
            note: '座谈',
          },
        },
      ]);
  });

  test('a unit never dispatched to is out of reach (403 code); a day outside the dispatch is a rule', () => {
    spec(instructor)
      .given([dispatched()])
      .when(visit('2026-05-05', OTHER_UNIT))
      .thenFails('instructors.unit-not-dispatched', 'unitId');
    spec(instructor)
      .given([dispatched()])
      .when(visit('2026-02-27'))
      .thenFails('instructors.visit-outside-dispatch', 'visitedOn');
    spec(instructor)
      .given([dispatched('2026-03-01', '2026-04-30')])
      .when(visit('2026-05-02'))
      .thenFails('instructors.visit-outside-dispatch', 'visitedOn');
  });

  test('not in the future, nor twice on one day', () => {
    spec(instructor)
      .given([dispatched()])
      .when(visit('2026-11-24'))
      .thenFails('instructors.date-in-future', 'visitedOn');
    spec(instructor)
      .given([dispatched(), visited('2026-06-10')])
      .when(visit('2026-06-10'))
      .thenFails('instructors.visit-duplicate', 'visitedOn');
  });
});
