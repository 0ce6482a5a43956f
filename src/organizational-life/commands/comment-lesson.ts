import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { meeting, recordedMeeting, type Meeting } from '../meeting.js';
import { meetingStream, type PartyLessonCommented } from '../organizational-life.events.js';

export const commentLessonBody = z.strictObject({
  comment: text(2000),
  on: localDate(),
  /** The meeting's revision the secretary saw: a comment written meanwhile by someone else is a 409. */
  expectedRevision: z.number().int().min(0).max(1_000_000).optional(),
});

export type CommentLesson = Command<
  'CommentLesson',
  Omit<z.output<typeof commentLessonBody>, 'expectedRevision'> & { meetingId: string }
>;

/** The secretary's comment (点评) on a Party lesson, given on or after the day of the lesson. */
export const commentLesson = ({ data, metadata }: CommentLesson, state: Meeting): PartyLessonCommented => {
  const lesson = recordedMeeting(state, data.meetingId);
  if (lesson.kind !== 'party_lesson')
    throw new DomainError(
      'orglife.not-a-lesson',
      { zh: '只能点评党课', en: 'Only a Party lesson is commented on' },
      undefined,
      422,
    );
  notInFuture(data.on, metadata, 'on', 'orglife.date-in-future');
  if (data.on < lesson.heldOn)
    throw new DomainError(
      'orglife.comment-before-lesson',
      {
        zh: `点评日期早于党课日期（${lesson.heldOn}）`,
        en: `The comment is dated before the lesson (${lesson.heldOn})`,
      },
      'on',
    );
  return {
    type: 'PartyLessonCommented',
    data: { meetingId: data.meetingId, comment: data.comment, on: data.on },
    metadata: { occurredAt: occurredOn(data.on), unitIds: lesson.unitIds },
  };
};

export class CommentLessonCommand extends CommandMessage<CommentLesson, Meeting> {}

@CommandHandler(CommentLessonCommand)
export class CommentLessonHandler implements ICommandHandler<CommentLessonCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: CommentLessonCommand) {
    return handleCommand(
      this.store,
      meetingStream(command.data.meetingId),
      meeting,
      (s) => commentLesson(command, s),
      command.metadata,
      options,
    );
  }
}
