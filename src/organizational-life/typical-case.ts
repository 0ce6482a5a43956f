import type { StreamModel } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import type { TypicalCaseEvent } from './organizational-life.events.js';

export type TypicalCase =
  | { status: 'none' }
  | {
      status: 'submitted' | 'selected';
      caseId: string;
      unitId: string;
      orgId: string;
      submittedOn: string;
      conferenceYear: number | null;
    };

export const typicalCase: StreamModel<TypicalCase, TypicalCaseEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'TypicalCaseSubmitted': {
        const { caseId, unitId, orgId, submittedOn } = event.data;
        return { status: 'submitted', caseId, unitId, orgId, submittedOn, conferenceYear: null };
      }
      case 'TypicalCaseSelected':
        return state.status === 'none'
          ? state
          : { ...state, status: 'selected', conferenceYear: event.data.conferenceYear };
    }
  },
};

export const submittedCase = (state: TypicalCase, caseId: string) => {
  if (state.status === 'none') throw new NotFoundError({ zh: '典型案例', en: 'Typical case' }, caseId);
  return state;
};
