import type { StreamModel } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import type { MemberCategory, MemberEvent } from './organizations.events.js';

export type Member =
  | { status: 'none' }
  | {
      status: 'active' | 'removed';
      memberId: string;
      name: string;
      orgId: string;
      unitId: string;
      category: MemberCategory;
    };

export const member: StreamModel<Member, MemberEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'MemberEnrolled') {
      const { memberId, name, orgId, unitId, category } = event.data;
      return { status: 'active', memberId, name, orgId, unitId, category };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'MemberTransferred':
        return { ...state, orgId: event.data.toOrgId, unitId: event.data.toUnitId };
      case 'MemberCategoryChanged':
        return { ...state, category: event.data.category };
      case 'MemberRemoved':
        return { ...state, status: 'removed' };
    }
  },
};

export const activeMember = (state: Member, memberId: string) => {
  if (state.status !== 'active') throw new NotFoundError({ zh: '党员', en: 'Member' }, memberId);
  return state;
};
