import type { StreamModel } from '../core/command-handling.js';
import type { RuleSetEvent } from './assessment.events.js';
import type { RuleSetBody } from './rule-set.js';

export interface PublishedVersion {
  version: number;
  effectiveOn: string;
  body: RuleSetBody;
}

/** A year's rules as its stream tells them: the draft being edited and every version published. */
export interface RuleSetHistory {
  year: number | null;
  draft: RuleSetBody | null;
  versions: PublishedVersion[];
}

export const ruleSetHistory: StreamModel<RuleSetHistory, RuleSetEvent> = {
  initialState: () => ({ year: null, draft: null, versions: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'RuleSetDrafted':
      case 'RuleSetDraftEdited':
        return { ...state, year: event.data.year, draft: event.data.body };
      case 'RuleSetPublished': {
        const { version, effectiveOn, body } = event.data;
        return { ...state, versions: [...state.versions, { version, effectiveOn, body }] };
      }
      default:
        return state;
    }
  },
};
