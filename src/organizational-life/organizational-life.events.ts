import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * Organisational life (组织生活, 三会一课, domain.md §9.2): one stream per meeting (`orglife-<id>`), and
 * one per typical case (`typicalCase-<id>`). A meeting's metadata carries the business date it was held
 * (`occurredAt`) and the units its organisation covered that day (`unitIds`).
 */
export const MEETING_KINDS = [
  'branch_general_meeting',
  'branch_committee_meeting',
  'party_group_meeting',
  'party_lesson',
  'theme_party_day',
  'org_life_meeting',
  'member_democratic_appraisal',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, Bilingual> = {
  branch_general_meeting: { zh: '支部党员大会', en: 'Branch general meeting' },
  branch_committee_meeting: { zh: '支部委员会会议', en: 'Branch committee meeting' },
  party_group_meeting: { zh: '党小组会', en: 'Party group meeting' },
  party_lesson: { zh: '党课', en: 'Party lesson' },
  theme_party_day: { zh: '主题党日', en: 'Theme Party day' },
  org_life_meeting: { zh: '组织生活会', en: 'Organisational life meeting' },
  member_democratic_appraisal: { zh: '民主评议党员', en: 'Democratic appraisal of members' },
};

/** Who attended, by roster id: each member in at most one list; members of the roster in none were not recorded. */
export interface Attendance {
  present: string[];
  absentWithLeave: string[];
  absent: string[];
}

/**
 * The quorum of a branch general meeting (domain.md §9.2, Branch Regs. Art. 11): more than half of the full
 * members entitled to attend (the organisation's full members on the roster that day) must be present;
 * probationary members attend without a vote and do not count. Computed when the meeting is recorded, from
 * the roster of that day, and kept with the record: a later change of the roster does not rewrite history.
 */
export interface Quorum {
  /** Full members on the organisation's roster on the meeting day. */
  entitled: number;
  /** Of them, present. */
  present: number;
  probationaryPresent: number;
  /** The least number present for a quorum: floor(entitled / 2) + 1. */
  required: number;
  quorate: boolean;
}

export type OrgLifeMeetingRecorded = Event<
  'OrgLifeMeetingRecorded',
  {
    meetingId: string;
    orgId: string;
    kind: MeetingKind;
    heldOn: string;
    topic: string;
    attendance: Attendance;
    /** For a general meeting only; null for the other kinds. */
    quorum: Quorum | null;
    /**
     * A Party lesson's lecturers (轮流讲党课): one member, or the members of a lesson group; empty for the
     * other kinds. Roster ids, not necessarily of this organisation (a higher secretary may lecture).
     */
    lecturers: string[];
    /** A lesson group's name, when a group gave the lesson. */
    lessonGroup: string | null;
  }
>;

/** The secretary's comment on a Party lesson (点评), given after it; a later comment replaces the earlier one. */
export type PartyLessonCommented = Event<'PartyLessonCommented', { meetingId: string; comment: string; on: string }>;

export type OrgLifeMeetingEvent = OrgLifeMeetingRecorded | PartyLessonCommented;

/** A typical case (典型案例) a unit submits; the bureau selects some for the annual conference (D8). */
export type TypicalCaseSubmitted = Event<
  'TypicalCaseSubmitted',
  { caseId: string; unitId: string; orgId: string; title: string; summary: string; submittedOn: string }
>;
export type TypicalCaseSelected = Event<
  'TypicalCaseSelected',
  { caseId: string; conferenceYear: number; note: string | null; on: string }
>;
export type TypicalCaseEvent = TypicalCaseSubmitted | TypicalCaseSelected;

export type OrganizationalLifeEvent = OrgLifeMeetingEvent | TypicalCaseEvent;

export const ORGANIZATIONAL_LIFE_EVENT_TYPES = eventTypes<OrganizationalLifeEvent['type']>({
  OrgLifeMeetingRecorded: true,
  PartyLessonCommented: true,
  TypicalCaseSubmitted: true,
  TypicalCaseSelected: true,
});

/** Each event type in words, as the activity log and the admin show it (choices.event.<Type>). */
export const ORGANIZATIONAL_LIFE_EVENT_LABELS: Record<OrganizationalLifeEvent['type'], Bilingual> = {
  OrgLifeMeetingRecorded: { zh: '记录组织生活（三会一课）', en: 'Organisational life recorded' },
  PartyLessonCommented: { zh: '书记点评党课', en: 'Party lesson commented' },
  TypicalCaseSubmitted: { zh: '报送典型案例', en: 'Typical case submitted' },
  TypicalCaseSelected: { zh: '典型案例入选年度大会', en: 'Typical case selected for the conference' },
};

export const meetingStream = (meetingId: string) => streamName('orglife', meetingId);
export const typicalCaseStream = (caseId: string) => streamName('typicalCase', caseId);
