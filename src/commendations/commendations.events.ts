import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/** The three titles of 两优一先 (domain.md §6, glossary identifiers). */
export const TITLES = ['outstanding_member', 'outstanding_party_worker', 'advanced_party_org'] as const;
export type CommendationTitle = (typeof TITLES)[number];

export const TITLE_LABELS: Record<CommendationTitle, Bilingual> = {
  outstanding_member: { zh: '优秀共产党员', en: 'Outstanding Communist Party Member' },
  outstanding_party_worker: { zh: '优秀党务工作者', en: 'Outstanding Party Worker' },
  advanced_party_org: { zh: '先进基层党组织', en: 'Advanced Grass-roots Party Organisation' },
};

/** A reason of the one-vote veto (一票否决), from the discipline feature's read door, with its last day. */
export interface VetoReason {
  zh: string;
  en: string;
  until: string | null;
}

/** A 两优一先 cycle of the bureau's Party committee: year, quotas per title, due dates (D5, D6). */
export type CommendationCycleOpened = Event<
  'CommendationCycleOpened',
  {
    cycleId: string;
    year: number;
    name: string;
    quotas: Record<CommendationTitle, number>;
    nominationsDueOn: string;
    decisionDueOn: string;
    publicityWorkingDays: number;
    openedOn: string;
  }
>;

/** A branch's nomination (its secretary's): a member for the two outstandings, an organisation for the advanced. */
export type NomineeNominated = Event<
  'NomineeNominated',
  {
    cycleId: string;
    nominationId: string;
    title: CommendationTitle;
    nomineeId: string;
    nomineeName: string;
    /** The nominating organisation (the nominee's, or the organisation itself). */
    orgId: string;
    unitId: string | null;
    nominatedOn: string;
    merits: string;
  }
>;

/** E9: the automatic veto found the nominee ineligible on `on`, with every reason and its end. */
export type NominationVetoed = Event<
  'NominationVetoed',
  { cycleId: string; nominationId: string; on: string; reasons: VetoReason[] }
>;

/** Publicity (公示) of the remaining nominees for N working days of the Chinese calendar. */
export type CommendationPublicityStarted = Event<
  'CommendationPublicityStarted',
  { cycleId: string; from: string; to: string; workingDays: number; nominationIds: string[] }
>;

/** The bureau Party committee's decision (D6): the document, and each award as its own event below. */
export type CommendationsDecided = Event<
  'CommendationsDecided',
  { cycleId: string; decidedOn: string; decidingBody: string; documentNumber: string; awarded: string[] }
>;

/** One award, for bonus rules: the title, who, the unit (metadata.unitIds). */
export type CommendationAwarded = Event<
  'CommendationAwarded',
  {
    cycleId: string;
    nominationId: string;
    year: number;
    title: CommendationTitle;
    nomineeId: string;
    nomineeName: string;
    orgId: string;
    unitId: string | null;
    awardedOn: string;
    documentNumber: string;
  }
>;

export type CommendationRevoked = Event<
  'CommendationRevoked',
  {
    cycleId: string;
    nominationId: string;
    nomineeId: string;
    revokedOn: string;
    reason: string;
    decidingBody: string;
    documentNumber: string;
  }
>;

export type CommendationEvent =
  | CommendationCycleOpened
  | NomineeNominated
  | NominationVetoed
  | CommendationPublicityStarted
  | CommendationsDecided
  | CommendationAwarded
  | CommendationRevoked;

export const commendationCycleStream = (cycleId: string) => streamName('commendationCycle', cycleId);

export const COMMENDATION_EVENT_TYPES = eventTypes<CommendationEvent['type']>({
  CommendationCycleOpened: true,
  NomineeNominated: true,
  NominationVetoed: true,
  CommendationPublicityStarted: true,
  CommendationsDecided: true,
  CommendationAwarded: true,
  CommendationRevoked: true,
});

export const COMMENDATION_EVENT_LABELS: Record<CommendationEvent['type'], Bilingual> = {
  CommendationCycleOpened: { zh: '启动“两优一先”评选', en: 'Commendation cycle opened' },
  NomineeNominated: { zh: '推荐“两优一先”人选', en: 'Nominee nominated' },
  NominationVetoed: { zh: '一票否决推荐人选', en: 'Nomination vetoed' },
  CommendationPublicityStarted: { zh: '“两优一先”人选公示', en: 'Commendation publicity started' },
  CommendationsDecided: { zh: '作出表彰决定', en: 'Commendations decided' },
  CommendationAwarded: { zh: '授予表彰', en: 'Commendation awarded' },
  CommendationRevoked: { zh: '撤销表彰', en: 'Commendation revoked' },
};
