import type { StreamModel } from '../core/command-handling.js';
import type { EvidenceEvent } from './evidence.events.js';

/** One filed file's stream (`evidence-<id>`): filed once, perhaps withdrawn; the bytes stay for audit either way. */
export type EvidenceFile =
  { status: 'none' } | { status: 'filed' | 'withdrawn'; evidenceId: string; orgId: string | null; unitIds: string[] };

export const evidenceFile: StreamModel<EvidenceFile, EvidenceEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'EvidenceFiled':
        return {
          status: 'filed',
          evidenceId: event.data.evidenceId,
          orgId: event.data.orgId,
          unitIds: event.metadata?.unitIds ?? [],
        };
      case 'EvidenceWithdrawn':
        return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
      default:
        return state;
    }
  },
};
