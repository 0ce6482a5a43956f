import type { StreamModel } from '../core/command-handling.js';
import type { AffiliatedOrgEvent, InstructorEvent } from './instructors.events.js';

export interface Dispatch {
  dispatchId: string;
  unitId: string;
  startOn: string;
  /** Its last day, when known (set at dispatch or by ending it). */
  endOn: string | null;
  /** Whether it was ended by InstructorDispatchEnded (a planned `endOn` alone does not end it early). */
  ended: boolean;
}

export interface Visit {
  visitId: string;
  unitId: string;
  dispatchId: string;
  visitedOn: string;
}

/** An instructor's stream (`instructor-<userId>`): the dispatches and the visits logged under them. */
export interface Instructor {
  dispatches: Dispatch[];
  visits: Visit[];
}

export const instructor: StreamModel<Instructor, InstructorEvent> = {
  initialState: () => ({ dispatches: [], visits: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'InstructorDispatched': {
        const { dispatchId, unitId, startOn, endOn } = event.data;
        return { ...state, dispatches: [...state.dispatches, { dispatchId, unitId, startOn, endOn, ended: false }] };
      }
      case 'InstructorDispatchEnded':
        return {
          ...state,
          dispatches: state.dispatches.map((d) =>
            d.dispatchId === event.data.dispatchId ? { ...d, endOn: event.data.endOn, ended: true } : d,
          ),
        };
      case 'InstructorVisitLogged': {
        const { visitId, unitId, dispatchId, visitedOn } = event.data;
        return { ...state, visits: [...state.visits, { visitId, unitId, dispatchId, visitedOn }] };
      }
    }
  },
};

/** Does the dispatch cover `date` (from its first day to its last, inclusive)? */
export const covers = (dispatch: Dispatch, date: string) =>
  dispatch.startOn <= date && (dispatch.endOn === null || date <= dispatch.endOn);

/** Do two dispatches share a day? */
export const overlap = (a: Pick<Dispatch, 'startOn' | 'endOn'>, b: Pick<Dispatch, 'startOn' | 'endOn'>) =>
  (a.endOn === null || b.startOn <= a.endOn) && (b.endOn === null || a.startOn <= b.endOn);

/** An affiliated organisation's confirmations stream (`affiliatedOrg-<orgId>`): the months it confirmed. */
export interface AffiliatedOrg {
  confirmedMonths: string[];
}

export const affiliatedOrg: StreamModel<AffiliatedOrg, AffiliatedOrgEvent> = {
  initialState: () => ({ confirmedMonths: [] }),
  evolve: (state, event) => ({ confirmedMonths: [...state.confirmedMonths, event.data.month] }),
};
