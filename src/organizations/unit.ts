import type { StreamModel } from '../core/command-handling.js';
import type { UnitEvent, UnitType } from './organizations.events.js';

/** A unit (school, kindergarten, institution) as its own stream tells it. */
export type Unit =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      unitId: string;
      name: string;
      type: UnitType;
      district: string | null;
      centralSchool: string | null;
    };

export const unit: StreamModel<Unit, UnitEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'UnitRegistered':
        return { status: 'registered', ...event.data };
      case 'UnitRenamed':
        return state.status === 'registered' ? { ...state, name: event.data.name } : state;
    }
  },
};
