import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { meeting } from '../meeting.js';
import type { MeetingKind, OrgLifeMeetingEvent } from '../organizational-life.events.js';
import { quorumOf } from '../quorum.js';
import { recordMeeting, type MeetingFacts } from './record-meeting.js';

const full = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `f-${i + 1}`, category: 'full' as const }));
const probationary = [{ id: 'p-1', category: 'probationary' as const }];
const facts = (roster = [...full(6), ...probationary], unknownLecturers: string[] = []): MeetingFacts => ({
  orgExists: true,
  unitIds: ['u-1'],
  roster,
  unknownLecturers,
});

const record =
  (
    kind: MeetingKind,
    present: string[],
    more: { absent?: string[]; lecturers?: string[]; heldOn?: string; lessonGroup?: string | null } = {},
    given = facts(),
  ) =>
  (state: Parameters<typeof recordMeeting>[1]) =>
    recordMeeting(
      command(
        'RecordMeeting',
        {
          meetingId: 'm-1',
          orgId: 'org-1',
          kind,
          heldOn: more.heldOn ?? '2026-10-15',
          topic: '学习党章',
          attendance: { present, absentWithLeave: [], absent: more.absent ?? [] },
          lecturers: more.lecturers ?? [],
          lessonGroup: more.lessonGroup,
        },
        testMetadata(),
      ),
      state,
      given,
    );

const recorded = (kind: MeetingKind, present: string[], quorum: unknown = null, lecturers: string[] = []) =>
  [
    {
      type: 'OrgLifeMeetingRecorded' as const,
      data: {
        meetingId: 'm-1',
        orgId: 'org-1',
        kind,
        heldOn: '2026-10-15',
        topic: '学习党章',
        attendance: { present, absentWithLeave: [], absent: [] },
        quorum,
        lecturers,
        lessonGroup: null,
      },
    },
  ] as OrgLifeMeetingEvent[];

describe('a branch general meeting and its quorum (domain.md §9.2)', () => {
  test('4 of 6 full members present: quorate (probationary members count neither way)', () =>
    spec(meeting)
      .given([])
      .when(record('branch_general_meeting', ['f-1', 'f-2', 'f-3', 'f-4', 'p-1']))
      .then(
        recorded('branch_general_meeting', ['f-1', 'f-2', 'f-3', 'f-4', 'p-1'], {
          entitled: 6,
          present: 4,
          probationaryPresent: 1,
          required: 4,
          quorate: true,
        }),
      ));
  test('exactly half (3 of 6) is not more than half: recorded, but not quorate', () =>
    spec(meeting)
      .given([])
      .when(record('branch_general_meeting', ['f-1', 'f-2', 'f-3', 'p-1']))
      .then(
        recorded('branch_general_meeting', ['f-1', 'f-2', 'f-3', 'p-1'], {
          entitled: 6,
          present: 3,
          probationaryPresent: 1,
          required: 4,
          quorate: false,
        }),
      ));
  test('odd rosters: 3 of 5 is quorate, 2 of 5 is not', () => {
    const roster = full(5);
    expect(quorumOf(roster, ['f-1', 'f-2', 'f-3'])).toMatchObject({ required: 3, quorate: true });
    expect(quorumOf(roster, ['f-1', 'f-2'])).toMatchObject({ required: 3, quorate: false });
  });
  test('only probationary members on the roster: nobody may vote, so never quorate', () =>
    expect(quorumOf(probationary, ['p-1'])).toMatchObject({ entitled: 0, quorate: false }));
  test('other kinds carry no quorum', () =>
    spec(meeting)
      .given([])
      .when(record('theme_party_day', ['f-1']))
      .then(recorded('theme_party_day', ['f-1'])));
});

describe('attendance is taken from the roster of the day', () => {
  test('someone not on the organisation’s roster that day is refused, naming the list', () =>
    spec(meeting)
      .given([])
      .when(record('branch_committee_meeting', ['f-1'], { absent: ['x-9'] }))
      .thenFails('orglife.not-on-roster', 'attendance.absent'));
  test('a member listed both present and absent is refused', () =>
    spec(meeting)
      .given([])
      .when(record('branch_committee_meeting', ['f-1'], { absent: ['f-1'] }))
      .thenFails('orglife.attendance-twice', 'attendance.absent'));
  test('a meeting nobody attended is refused', () =>
    spec(meeting)
      .given([])
      .when(record('theme_party_day', [], { absent: ['f-1'] }))
      .thenFails('orglife.nobody-present', 'attendance.present'));
  test('a meeting in the future is refused', () =>
    spec(meeting)
      .given([])
      .when(record('theme_party_day', ['f-1'], { heldOn: '2027-01-05' }))
      .thenFails('orglife.date-in-future', 'heldOn'));
  test('an organisation that does not exist', () =>
    spec(meeting)
      .given([])
      .when(record('theme_party_day', ['f-1'], {}, { ...facts(), orgExists: false }))
      .thenFails('not-found'));
  test('the same meeting twice', () =>
    spec(meeting)
      .given(recorded('theme_party_day', ['f-1']))
      .when(record('theme_party_day', ['f-1']))
      .thenFails('orglife.already-recorded'));
});

describe('rotating Party lessons (轮流讲党课)', () => {
  test('a lesson given by a lesson group of two members', () =>
    spec(meeting)
      .given([])
      .when(record('party_lesson', ['f-1', 'f-2'], { lecturers: ['f-1', 'f-2'] }))
      .then(recorded('party_lesson', ['f-1', 'f-2'], null, ['f-1', 'f-2'])));
  test('a lesson without a lecturer is refused', () =>
    spec(meeting)
      .given([])
      .when(record('party_lesson', ['f-1']))
      .thenFails('orglife.lesson-needs-lecturer', 'lecturers'));
  test('a lecturer nobody on the roster is refused', () =>
    spec(meeting)
      .given([])
      .when(record('party_lesson', ['f-1'], { lecturers: ['x-1'] }, facts(full(3), ['x-1'])))
      .thenFails('orglife.lecturer-not-on-roster', 'lecturers'));
  test('lecturers belong to lessons only', () =>
    spec(meeting)
      .given([])
      .when(record('theme_party_day', ['f-1'], { lecturers: ['f-1'] }))
      .thenFails('orglife.lecturers-only-for-lessons', 'lecturers'));
});
