import type { StreamModel } from '../core/command-handling.js';
import type { CommendationEvent, CommendationTitle } from './commendations.events.js';

export interface Nomination {
  nominationId: string;
  title: CommendationTitle;
  nomineeId: string;
  nomineeName: string;
  orgId: string;
  unitId: string | null;
  status: 'nominated' | 'vetoed' | 'awarded' | 'not_awarded' | 'revoked';
}

/** A cycle's stream (`commendationCycle-<id>`): its terms, nominations, publicity and decision. */
export interface CommendationCycle {
  opened: boolean;
  cycleId: string;
  year: number;
  quotas: Record<CommendationTitle, number>;
  nominationsDueOn: string;
  decisionDueOn: string;
  publicityWorkingDays: number;
  openedOn: string;
  nominations: Nomination[];
  publicity: { from: string; to: string } | null;
  decidedOn: string | null;
}

const setStatus = (state: CommendationCycle, ids: readonly string[], status: Nomination['status']) => ({
  ...state,
  nominations: state.nominations.map((n) => (ids.includes(n.nominationId) ? { ...n, status } : n)),
});

export const commendationCycle: StreamModel<CommendationCycle, CommendationEvent> = {
  initialState: () => ({
    opened: false,
    cycleId: '',
    year: 0,
    quotas: { outstanding_member: 0, outstanding_party_worker: 0, advanced_party_org: 0 },
    nominationsDueOn: '',
    decisionDueOn: '',
    publicityWorkingDays: 5,
    openedOn: '',
    nominations: [],
    publicity: null,
    decidedOn: null,
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CommendationCycleOpened': {
        const { cycleId, year, quotas, nominationsDueOn, decisionDueOn, publicityWorkingDays, openedOn } = event.data;
        return {
          ...state,
          opened: true,
          cycleId,
          year,
          quotas,
          nominationsDueOn,
          decisionDueOn,
          publicityWorkingDays,
          openedOn,
        };
      }
      case 'NomineeNominated': {
        const { nominationId, title, nomineeId, nomineeName, orgId, unitId } = event.data;
        const nomination: Nomination = {
          nominationId,
          title,
          nomineeId,
          nomineeName,
          orgId,
          unitId,
          status: 'nominated',
        };
        return { ...state, nominations: [...state.nominations, nomination] };
      }
      case 'NominationVetoed':
        return setStatus(state, [event.data.nominationId], 'vetoed');
      case 'CommendationPublicityStarted':
        return { ...state, publicity: { from: event.data.from, to: event.data.to } };
      case 'CommendationsDecided': {
        const awarded = event.data.awarded;
        const rest = state.nominations.filter((n) => n.status === 'nominated' && !awarded.includes(n.nominationId));
        const next = setStatus(state, awarded, 'awarded');
        return {
          ...setStatus(
            next,
            rest.map((n) => n.nominationId),
            'not_awarded',
          ),
          decidedOn: event.data.decidedOn,
        };
      }
      case 'CommendationAwarded':
        return state;
      case 'CommendationRevoked':
        return setStatus(state, [event.data.nominationId], 'revoked');
    }
  },
};

/** Nominations still in the running (not vetoed). */
export const running = (state: CommendationCycle) => state.nominations.filter((n) => n.status === 'nominated');
