import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * What an instructor does on a visit: the duties of seed A (domain.md §2.1), as checklist keys. The
 * monthly visit itself is C1; the keys say what the visit was for, so a later assessment can count them.
 */
export const VISIT_DUTIES = [
  'publicise_policy',
  'guide_ideological_work',
  'help_set_up_organisation',
  'help_build_activity_room',
  'listen_and_coordinate',
  'solve_difficulties',
] as const;
export type VisitDuty = (typeof VISIT_DUTIES)[number];

export const VISIT_DUTY_LABELS: Record<VisitDuty, Bilingual> = {
  publicise_policy: {
    zh: '宣传党的路线方针政策、法律法规和教育政策变化',
    en: 'Publicised the Party line, laws and changes in education policy',
  },
  guide_ideological_work: {
    zh: '指导思想政治工作和精神文明建设',
    en: 'Guided ideological and political work and "spiritual civilisation" work',
  },
  help_set_up_organisation: { zh: '帮助建立党组织', en: 'Helped set up a Party organisation' },
  help_build_activity_room: { zh: '帮助建设党群活动室', en: 'Helped build the Party–mass activity room' },
  listen_and_coordinate: {
    zh: '听取单位意见，协调归口管理股室',
    en: "Listened to the unit's opinions and coordinated with the responsible section",
  },
  solve_difficulties: { zh: '帮助解决实际困难', en: 'Helped solve practical difficulties' },
};

/**
 * An instructor (a user holding the role 'instructor'; the id is the username) dispatched to a unit from
 * `startOn`, until `endOn` when known. On the instructor's stream, so a visit is checked against the
 * instructor's own dispatches in one read.
 */
export type InstructorDispatched = Event<
  'InstructorDispatched',
  {
    dispatchId: string;
    instructorId: string;
    unitId: string;
    startOn: string;
    endOn: string | null;
    note: string | null;
  }
>;
/** The dispatch ends on `endOn` (its last day): months after it are no longer owed. */
export type InstructorDispatchEnded = Event<
  'InstructorDispatchEnded',
  { dispatchId: string; instructorId: string; unitId: string; endOn: string; reason: string | null }
>;
/** A visit to a dispatched unit on `visitedOn` (C1: at least one per unit per Asia/Shanghai month). */
export type InstructorVisitLogged = Event<
  'InstructorVisitLogged',
  {
    visitId: string;
    instructorId: string;
    unitId: string;
    dispatchId: string;
    visitedOn: string;
    duties: VisitDuty[];
    note: string | null;
  }
>;
export type InstructorEvent = InstructorDispatched | InstructorDispatchEnded | InstructorVisitLogged;

/**
 * An affiliated organisation (挂靠党组织) confirms that the members of the units it hosts attended
 * organisational life in `month` ('YYYY-MM'; C6). `unitIds`: the units it hosted that month.
 */
export type AffiliatedOrgLifeConfirmed = Event<
  'AffiliatedOrgLifeConfirmed',
  { orgId: string; month: string; unitIds: string[]; confirmedOn: string; note: string | null }
>;
export type AffiliatedOrgEvent = AffiliatedOrgLifeConfirmed;

export const instructorStream = (instructorId: string) => streamName('instructor', instructorId);
export const affiliatedOrgStream = (orgId: string) => streamName('affiliatedOrg', orgId);

/** Every event type of instructors and affiliated organisations' confirmations, once. */
export const INSTRUCTOR_EVENT_TYPES = eventTypes<(InstructorEvent | AffiliatedOrgEvent)['type']>({
  InstructorDispatched: true,
  InstructorDispatchEnded: true,
  InstructorVisitLogged: true,
  AffiliatedOrgLifeConfirmed: true,
});

/** Each event type in words, as the activity log and the admin show it. */
export const INSTRUCTOR_EVENT_LABELS: Record<(InstructorEvent | AffiliatedOrgEvent)['type'], Bilingual> = {
  InstructorDispatched: { zh: '派驻党建工作指导员', en: 'Instructor dispatched' },
  InstructorDispatchEnded: { zh: '结束指导员派驻', en: 'Instructor dispatch ended' },
  InstructorVisitLogged: { zh: '记录指导员到单位指导', en: 'Instructor visit logged' },
  AffiliatedOrgLifeConfirmed: {
    zh: '挂靠党组织确认党员参加组织生活',
    en: 'Affiliated organisation confirmed attendance',
  },
};
