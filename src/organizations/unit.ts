import type { StreamModel } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
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
      hostOrgId: string | null;
    };

export const unit: StreamModel<Unit, UnitEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  evolve: (state, event) => {
    if (event.type === 'UnitRegistered') return { status: 'registered', ...event.data, hostOrgId: null };
    if (state.status !== 'registered') return state;
    switch (event.type) {
      case 'UnitRenamed':
        return { ...state, name: event.data.name };
      case 'UnitAffiliated':
        return { ...state, hostOrgId: event.data.hostOrgId };
      case 'UnitAffiliationEnded':
        return { ...state, hostOrgId: null };
    }
  },
};

export const registeredUnit = (state: Unit, unitId: string) => {
  if (state.status !== 'registered') throw new NotFoundError({ zh: '单位', en: 'Unit' }, unitId);
  return state;
};
