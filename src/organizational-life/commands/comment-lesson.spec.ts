import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { meeting } from '../meeting.js';
import type { MeetingKind, OrgLifeMeetingEvent } from '../organizational-life.events.js';
import { commentLesson } from './comment-lesson.js';

const held = (kind: MeetingKind): OrgLifeMeetingEvent => ({
  type: 'OrgLifeMeetingRecorded',
  data: {
    meetingId: 'm-1',
    orgId: 'org-1',
    kind,
    heldOn: '2026-10-15',
    topic: '党的二十届四中全会精神',
    attendance: { present: ['f-1'], absentWithLeave: [], absent: [] },
    quorum: null,
    lecturers: kind === 'party_lesson' ? ['f-1'] : [],
    lessonGroup: null,
  },
});
const comment = (on: string) => (state: Parameters<typeof commentLesson>[1]) =>
  commentLesson(
    command('CommentLesson', { meetingId: 'm-1', comment: '联系实际，讲得透彻', on }, testMetadata()),
    state,
  );

describe('the secretary comments on a Party lesson', () => {
  test('after the lesson', () =>
    spec(meeting)
      .given([held('party_lesson')])
      .when(comment('2026-10-20'))
      .then([
        { type: 'PartyLessonCommented', data: { meetingId: 'm-1', comment: '联系实际，讲得透彻', on: '2026-10-20' } },
      ]));
  test('not before it', () =>
    spec(meeting)
      .given([held('party_lesson')])
      .when(comment('2026-10-01'))
      .thenFails('orglife.comment-before-lesson', 'on'));
  test('only a lesson', () =>
    spec(meeting)
      .given([held('theme_party_day')])
      .when(comment('2026-10-20'))
      .thenFails('orglife.not-a-lesson'));
  test('a meeting never recorded', () => spec(meeting).given([]).when(comment('2026-10-20')).thenFails('not-found'));
});
