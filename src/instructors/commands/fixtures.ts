import type { InstructorEvent } from '../instructors.events.js';

/** Events of instructor-001's stream for the deciders' specs. */
export const UNIT = '11111111-1111-4111-8111-111111111111';
export const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';

export const dispatched = (startOn = '2026-03-01', endOn: string | null = null, unitId = UNIT): InstructorEvent => ({
  type: 'InstructorDispatched',
  data: {
    dispatchId: `d-${unitId.slice(0, 1)}-${startOn}`,
    instructorId: 'instructor-001',
    unitId,
    startOn,
    endOn,
    note: null,
  },
});

export const visited = (visitedOn: string, dispatchId = `d-1-2026-03-01`): InstructorEvent => ({
  type: 'InstructorVisitLogged',
  data: {
    visitId: `v-${visitedOn}`,
    instructorId: 'instructor-001',
    unitId: UNIT,
    dispatchId,
    visitedOn,
    duties: ['publicise_policy'],
    note: null,
  },
});
