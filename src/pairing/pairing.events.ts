import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * Pairing communities (帮扶共同体, domain.md §2, seed 004): a helper (public) school and the private
 * school(s) it helps for a three-year term, and what they do together along three lines. One stream per
 * pairing (`pairing-<id>`); the county's list of "five norms" (五个规范) items is data on its own stream.
 * Students helped one-to-one are named by a pseudonym or initials only: no identity number is ever stored.
 */

/** 帮教: teaching help. */
export const TEACHING_KINDS = ['resource-sharing', 'teaching-outreach', 'training'] as const;
export type TeachingKind = (typeof TEACHING_KINDS)[number];
export const TEACHING_KIND_LABELS: Record<TeachingKind, Bilingual> = {
  'resource-sharing': { zh: '资源共享', en: 'Resource sharing' },
  'teaching-outreach': { zh: '送教下乡', en: 'Teaching outreach' },
  training: { zh: '骨干教师培训', en: 'Backbone-teacher training' },
};

/** 帮困: who the one-to-one help is for (两困生 and left-behind children). */
export const STUDENT_SITUATIONS = ['poor', 'learning-difficulty', 'left-behind'] as const;
export type StudentSituation = (typeof STUDENT_SITUATIONS)[number];
export const STUDENT_SITUATION_LABELS: Record<StudentSituation, Bilingual> = {
  poor: { zh: '贫困生', en: 'Poor student' },
  'learning-difficulty': { zh: '学困生', en: 'Student with learning difficulties' },
  'left-behind': { zh: '留守儿童', en: 'Left-behind child' },
};

export const SUPPORT_KINDS = ['visit', 'counselling', 'tutoring'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, Bilingual> = {
  visit: { zh: '家访', en: 'Home visit' },
  counselling: { zh: '谈心谈话', en: 'Counselling' },
  tutoring: { zh: '学业辅导', en: 'Tutoring' },
};

/** 帮党建: Party-building help. */
export const PARTY_BUILDING_KINDS = ['joint-work', 'joint-activity', 'shared-records'] as const;
export type PartyBuildingKind = (typeof PARTY_BUILDING_KINDS)[number];
export const PARTY_BUILDING_KIND_LABELS: Record<PartyBuildingKind, Bilingual> = {
  'joint-work': { zh: '联合开展党建工作', en: 'Joint Party work' },
  'joint-activity': { zh: '联合开展党组织活动', en: 'Joint activity' },
  'shared-records': { zh: '共享党建资料', en: 'Shared records' },
};

/** One item of the "five norms" checklist: a stable key and its wording, which the bureau may edit. */
export interface NormItem {
  key: string;
  zh: string;
  en: string;
}

export type PairingFormed = Event<
  'PairingFormed',
  {
    pairingId: string;
    name: string;
    helperUnitId: string;
    /** The helper school's own Party organisation when it was formed: whose secretary answers for C2. */
    helperOrgId: string | null;
    helpedUnitIds: string[];
    startOn: string;
    endsOn: string;
  }
>;
export type PairingTermExtended = Event<
  'PairingTermExtended',
  { pairingId: string; endsOn: string; previousEndsOn: string; reason: string }
>;
export type PairingEnded = Event<'PairingEnded', { pairingId: string; on: string; reason: string }>;
/** `teachersTrained`: the helped school's backbone teachers trained, by name; each one counts towards C4. */
export type TeachingActivityLogged = Event<
  'TeachingActivityLogged',
  {
    pairingId: string;
    activityId: string;
    kind: TeachingKind;
    on: string;
    title: string;
    note: string | null;
    teachersTrained: string[];
  }
>;
/** A Party-member teacher of the helper school and a student of a helped school named by pseudonym only. */
export type SupportPairFormed = Event<
  'SupportPairFormed',
  {
    pairingId: string;
    pairId: string;
    memberId: string;
    teacherName: string;
    student: string;
    situation: StudentSituation;
    helpedUnitId: string;
    on: string;
  }
>;
export type SupportGiven = Event<
  'SupportGiven',
  { pairingId: string; pairId: string; supportId: string; kind: SupportKind; on: string; note: string | null }
>;
export type PartyBuildingActivityLogged = Event<
  'PartyBuildingActivityLogged',
  {
    pairingId: string;
    activityId: string;
    kind: PartyBuildingKind;
    on: string;
    title: string;
    note: string | null;
  }
>;
/** A norm judged met or not met on a day; the latest judgement of each norm stands. */
export type NormAssessed = Event<
  'NormAssessed',
  { pairingId: string; normKey: string; met: boolean; on: string; note: string | null }
>;
export type PairingEvent =
  | PairingFormed
  | PairingTermExtended
  | PairingEnded
  | TeachingActivityLogged
  | SupportPairFormed
  | SupportGiven
  | PartyBuildingActivityLogged
  | NormAssessed;

/** The whole checklist as the bureau set it (the items' keys stay, so earlier judgements keep their meaning). */
export type PairingNormsDefined = Event<'PairingNormsDefined', { norms: NormItem[] }>;

export const pairingStream = (pairingId: string) => streamName('pairing', pairingId);
/** The county's one list of norm items. */
export const PAIRING_NORMS_STREAM = streamName('pairingNorms', 'county');

export const PAIRING_EVENT_TYPES = eventTypes<(PairingEvent | PairingNormsDefined)['type']>({
  PairingFormed: true,
  PairingTermExtended: true,
  PairingEnded: true,
  TeachingActivityLogged: true,
  SupportPairFormed: true,
  SupportGiven: true,
  PartyBuildingActivityLogged: true,
  NormAssessed: true,
  PairingNormsDefined: true,
});

export const PAIRING_EVENT_LABELS: Record<(PairingEvent | PairingNormsDefined)['type'], Bilingual> = {
  PairingFormed: { zh: '组建帮扶共同体', en: 'Pairing community formed' },
  PairingTermExtended: { zh: '延长帮扶期限', en: 'Pairing term extended' },
  PairingEnded: { zh: '结束帮扶共同体', en: 'Pairing community ended' },
  TeachingActivityLogged: { zh: '记录帮教活动', en: 'Teaching help logged' },
  SupportPairFormed: { zh: '结成一对一帮扶对子', en: 'One-to-one pair formed' },
  SupportGiven: { zh: '记录一对一帮扶', en: 'One-to-one help logged' },
  PartyBuildingActivityLogged: { zh: '记录帮党建活动', en: 'Party-building help logged' },
  NormAssessed: { zh: '评定“五个规范”', en: 'Norm assessed' },
  PairingNormsDefined: { zh: '设置“五个规范”条目', en: 'Norm items set' },
};
