import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { instructor, type Instructor } from '../instructor.js';
import { endDispatch } from './end-dispatch.js';
import { dispatched, UNIT, visited } from './fixtures.js';

const end =
  (endOn: string, dispatchId = 'd-1-2026-03-01') =>
  (state: Instructor) =>
    endDispatch(
      command('EndDispatch', { dispatchId, instructorId: 'instructor-001', endOn, reason: '调整' }, testMetadata()),
      state,
    );

describe('ending a dispatch', () => {
  test('ends on its last day', () => {
    spec(instructor)
      .given([dispatched()])
      .when(end('2026-08-31'))
      .then([
        {
          type: 'InstructorDispatchEnded',
          data: {
            dispatchId: 'd-1-2026-03-01',
            instructorId: 'instructor-001',
            unitId: UNIT,
            endOn: '2026-08-31',
            reason: '调整',
          },
        },
      ]);
  });

  test('an unknown dispatch is not found; an ended one is not ended again', () => {
    spec(instructor).given([dispatched()]).when(end('2026-08-31', 'nope')).thenFails('not-found');
    spec(instructor)
      .given([
        dispatched(),
        {
          type: 'InstructorDispatchEnded',
          data: {
            dispatchId: 'd-1-2026-03-01',
            instructorId: 'instructor-001',
            unitId: UNIT,
            endOn: '2026-05-31',
            reason: null,
          },
        },
      ])
      .when(end('2026-08-31'))
      .thenFails('instructors.dispatch-already-ended', 'endOn');
  });

  test('not before it started, nor before a visit logged under it', () => {
    spec(instructor).given([dispatched()]).when(end('2026-02-01')).thenFails('instructors.end-before-start', 'endOn');
    spec(instructor)
      .given([dispatched(), visited('2026-06-10')])
      .when(end('2026-05-31'))
      .thenFails('instructors.visits-after-end', 'endOn');
  });
});
