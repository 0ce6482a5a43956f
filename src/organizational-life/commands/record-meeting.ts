import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { notInFuture } from '../../core/time/past-date.js';
import { occurredOn } from '../../core/time/local-date.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { meeting, type Meeting } from '../meeting.js';
import { quorumOf } from '../quorum.js';
import {
  MEETING_KINDS,
  meetingStream,
  type Attendance,
  type OrgLifeMeetingRecorded,
} from '../organizational-life.events.js';

const memberIds = (max: number) => z.array(z.string().uuid()).max(max);

export const recordMeetingBody = z.strictObject({
  orgId: z.string().uuid(),
  kind: z.enum(MEETING_KINDS),
  heldOn: localDate(),
  topic: text(200),
  attendance: z.strictObject({
    present: memberIds(500),
    absentWithLeave: memberIds(500).default([]),
    absent: memberIds(500).default([]),
  }),
  lecturers: memberIds(20).default([]),
  lessonGroup: name(50).nullish(),
});

export type RecordMeeting = Command<'RecordMeeting', z.output<typeof recordMeetingBody> & { meetingId: string }>;

/** What the roster says, read by the handler (the decider stays pure). */
export interface MeetingFacts {
  orgExists: boolean;
  /** The units the organisation covers (its own and those affiliated to it): the event's unitIds. */
  unitIds: string[];
  /** The organisation's active members on the meeting day, with their category. */
  roster: { id: string; category: 'full' | 'probationary' }[];
  /** Lecturers who are nobody active on the county's roster. */
  unknownLecturers: string[];
}

const ATTENDANCE_LISTS = ['present', 'absentWithLeave', 'absent'] as const;

const checkAttendance = (attendance: Attendance, roster: MeetingFacts['roster']) => {
  const seen = new Set<string>();
  const onRoster = new Set(roster.map((member) => member.id));
  for (const list of ATTENDANCE_LISTS)
    for (const id of attendance[list]) {
      if (seen.has(id))
        throw new DomainError(
          'orglife.attendance-twice',
          { zh: `党员 ${id} 在出席名单中出现了两次`, en: `Member ${id} is listed twice in the attendance` },
          `attendance.${list}`,
        );
      seen.add(id);
      if (!onRoster.has(id))
        throw new DomainError(
          'orglife.not-on-roster',
          {
            zh: `党员 ${id} 在会议当天不是本组织的党员`,
            en: `Member ${id} was not on this organisation's roster on the meeting day`,
          },
          `attendance.${list}`,
        );
    }
  if (attendance.present.length === 0)
    throw new DomainError(
      'orglife.nobody-present',
      { zh: '出席人员不能为空', en: 'A meeting needs at least one member present' },
      'attendance.present',
    );
};

const checkLecturers = ({ data }: RecordMeeting, facts: MeetingFacts) => {
  if (data.kind !== 'party_lesson') {
    if (data.lecturers.length > 0 || data.lessonGroup)
      throw new DomainError(
        'orglife.lecturers-only-for-lessons',
        { zh: '只有党课需要填写授课人', en: 'Only a Party lesson has lecturers' },
        'lecturers',
      );
    return;
  }
  if (data.lecturers.length === 0)
    throw new DomainError(
      'orglife.lesson-needs-lecturer',
      { zh: '党课须写明授课党员或讲课小组成员', en: 'A Party lesson names its lecturer or lesson group' },
      'lecturers',
    );
  if (new Set(data.lecturers).size !== data.lecturers.length)
    throw new DomainError(
      'orglife.lecturer-twice',
      { zh: '授课人重复', en: 'A lecturer is listed twice' },
      'lecturers',
    );
  if (facts.unknownLecturers.length > 0)
    throw new DomainError(
      'orglife.lecturer-not-on-roster',
      {
        zh: `授课人不是在册党员：${facts.unknownLecturers.join('、')}`,
        en: `Lecturers not on the roster: ${facts.unknownLecturers.join(', ')}`,
      },
      'lecturers',
    );
};

/**
 * Records a meeting as it was held. A general meeting short of its quorum is still recorded, as history,
 * with `quorum.quorate` false: it cannot pass resolutions and does not count as the quarter's meeting (B1).
 */
export const recordMeeting = (command: RecordMeeting, state: Meeting, facts: MeetingFacts): OrgLifeMeetingRecorded => {
  const { data, metadata } = command;
  if (state.status !== 'none')
    throw new DomainError(
      'orglife.already-recorded',
      { zh: '该会议已记录', en: 'This meeting is already recorded' },
      undefined,
      409,
    );
  if (!facts.orgExists) throw new NotFoundError({ zh: '党组织', en: 'Party organisation' }, data.orgId);
  notInFuture(data.heldOn, metadata, 'heldOn', 'orglife.date-in-future');
  checkAttendance(data.attendance, facts.roster);
  checkLecturers(command, facts);
  return {
    type: 'OrgLifeMeetingRecorded',
    data: {
      meetingId: data.meetingId,
      orgId: data.orgId,
      kind: data.kind,
      heldOn: data.heldOn,
      topic: data.topic,
      attendance: data.attendance,
      quorum: data.kind === 'branch_general_meeting' ? quorumOf(facts.roster, data.attendance.present) : null,
      lecturers: data.lecturers,
      lessonGroup: data.kind === 'party_lesson' ? (data.lessonGroup ?? null) : null,
    },
    metadata: { occurredAt: occurredOn(data.heldOn), unitIds: facts.unitIds },
  };
};

export class RecordMeetingCommand extends CommandMessage<RecordMeeting, Meeting> {}

@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organizations: OrganizationsFacts,
  ) {}

  execute({ command, options }: RecordMeetingCommand) {
    const { orgId, heldOn, lecturers } = command.data;
    const facts: MeetingFacts = {
      // Asked without a unit: only whether the organisation exists.
      orgExists: this.organizations.orgCoversUnit(orgId, '').orgExists,
      unitIds: this.organizations.unitsCoveredBy([orgId]),
      roster: this.organizations.memberIdsOn(orgId, heldOn),
      unknownLecturers: lecturers.filter((id) => this.organizations.memberStanding(id)?.status !== 'active'),
    };
    return handleCommand(
      this.store,
      meetingStream(command.data.meetingId),
      meeting,
      (s) => recordMeeting(command, s, facts),
      command.metadata,
      options,
    );
  }
}
