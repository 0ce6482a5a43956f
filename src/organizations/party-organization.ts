import type { StreamModel } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import type { OrgKind, PartyOrganizationEvent, PositionTitle } from './organizations.events.js';

export interface HeldPosition {
  positionId: string;
  memberId: string;
  title: PositionTitle;
  from: string;
}

export type PartyOrganization =
  | { status: 'none' }
  | {
      status: 'active';
      orgId: string;
      name: string;
      kind: OrgKind;
      /** May approve new members (a basic-level Party committee so marked). */
      approvalAuthority: boolean;
      unitIds: string[];
      termEnd: string | null;
      positions: HeldPosition[];
    };

export const partyOrganization: StreamModel<PartyOrganization, PartyOrganizationEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'PartyOrganizationFounded') {
      const { orgId, name, kind, unitIds } = event.data;
      const approvalAuthority = event.data.approvalAuthority ?? false;
      return { status: 'active', orgId, name, kind, approvalAuthority, unitIds, termEnd: null, positions: [] };
    }
    if (state.status !== 'active') return state;
    switch (event.type) {
      case 'ApprovalAuthorityGranted':
      case 'ApprovalAuthorityWithdrawn':
        return { ...state, approvalAuthority: event.type === 'ApprovalAuthorityGranted' };
      case 'CommitteeElected':
        return { ...state, termEnd: event.data.termEnd };
      case 'PositionAssigned': {
        const { positionId, memberId, title, from } = event.data;
        return { ...state, positions: [...state.positions, { positionId, memberId, title, from }] };
      }
      case 'PositionEnded':
        return { ...state, positions: state.positions.filter((p) => p.positionId !== event.data.positionId) };
    }
  },
};

export const activeOrganization = (state: PartyOrganization, orgId: string) => {
  if (state.status !== 'active') throw new NotFoundError({ zh: '党组织', en: 'Party organisation' }, orgId);
  return state;
};
