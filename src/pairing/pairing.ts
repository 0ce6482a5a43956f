import type { StreamModel } from '../core/command-handling.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import type { CommandMetadata } from '../core/messages.js';
import { occurredOn } from '../core/time/local-date.js';
import { notInFuture } from '../core/time/past-date.js';
import type { NormItem, PairingEvent, PairingNormsDefined } from './pairing.events.js';

/** A pairing community as its stream tells it: what the deciders need to judge the next fact. */
export type Pairing =
  | { status: 'none' }
  | {
      status: 'active' | 'ended';
      pairingId: string;
      name: string;
      helperUnitId: string;
      helpedUnitIds: string[];
      startOn: string;
      endsOn: string;
      endedOn: string | null;
      /** One-to-one pairs by id: the helped school they belong to. */
      pairs: Record<string, { helpedUnitId: string; on: string }>;
    };

export const PAIRING = { zh: '帮扶共同体', en: 'Pairing community' };

export const pairing: StreamModel<Pairing, PairingEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'PairingFormed') {
      const { pairingId, name, helperUnitId, helpedUnitIds, startOn, endsOn } = event.data;
      return {
        status: 'active',
        pairingId,
        name,
        helperUnitId,
        helpedUnitIds,
        startOn,
        endsOn,
        endedOn: null,
        pairs: {},
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PairingTermExtended':
        return { ...state, endsOn: event.data.endsOn };
      case 'PairingEnded':
        return { ...state, status: 'ended', endedOn: event.data.on };
      case 'SupportPairFormed':
        return {
          ...state,
          pairs: { ...state.pairs, [event.data.pairId]: { helpedUnitId: event.data.helpedUnitId, on: event.data.on } },
        };
      default:
        return state;
    }
  },
};

/** The pairing, which must exist. */
export const formedPairing = (state: Pairing, pairingId: string) => {
  if (state.status === 'none') throw new NotFoundError(PAIRING, pairingId);
  return state;
};

/**
 * A fact of the pairing's work on `on`: the pairing exists, the day is no later than today and falls within
 * its term (from its start to its end, or the day it ended). Returns the pairing and the event's metadata.
 */
export const dayOfWork = (state: Pairing, pairingId: string, on: string, metadata: CommandMetadata, field = 'on') => {
  const current = formedPairing(state, pairingId);
  notInFuture(on, metadata, field, 'pairing.date-in-future');
  const last = current.endedOn ?? current.endsOn;
  if (on < current.startOn || on > last)
    throw new DomainError(
      'pairing.date-outside-term',
      {
        zh: `日期应在帮扶期限内（${current.startOn} 至 ${last}）`,
        en: `The date must fall within the pairing's term (${current.startOn} to ${last})`,
      },
      field,
    );
  return {
    current,
    metadata: { occurredAt: occurredOn(on), unitIds: [current.helperUnitId, ...current.helpedUnitIds] },
  };
};

/**
 * The county's norm items until the bureau sets its own: the three the seed names and two placeholders
 * (domain.md §12 notes the other two are unconfirmed), to be worded by the bureau.
 */
export const DEFAULT_NORMS: NormItem[] = [
  { key: 'branch-setup', zh: '支部设置标准化', en: 'Standardised branch set-up' },
  { key: 'org-life', zh: '组织生活正常化', en: 'Normalised organisational life' },
  { key: 'facilities', zh: '阵地建设规范化', en: 'Standardised facilities' },
  { key: 'norm-4', zh: '第四项规范（待局党委确定）', en: 'Fourth norm (to be set by the bureau)' },
  { key: 'norm-5', zh: '第五项规范（待局党委确定）', en: 'Fifth norm (to be set by the bureau)' },
];

export interface PairingNorms {
  norms: NormItem[];
}

export const pairingNorms: StreamModel<PairingNorms, PairingNormsDefined> = {
  initialState: () => ({ norms: DEFAULT_NORMS }),
  evolve: (_state, event) => ({ norms: event.data.norms }),
};
