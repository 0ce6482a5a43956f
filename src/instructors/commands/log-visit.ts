import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, says, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { instructorStream, VISIT_DUTIES, type InstructorVisitLogged } from '../instructors.events.js';
import { covers, instructor, type Instructor } from '../instructor.js';
import { userId } from './dispatch-instructor.js';

export const logVisitBody = z.strictObject({
  /** The instructor who visited: an instructor logs their own (may omit it); the bureau names one. */
  instructorId: userId().optional(),
  unitId: z.string().uuid(),
  visitedOn: localDate(),
  duties: z
    .array(z.enum(VISIT_DUTIES))
    .min(1, { message: says('请至少勾选一项指导内容', 'tick at least one duty done') })
    .max(VISIT_DUTIES.length)
    .refine((list) => new Set(list).size === list.length, {
      message: says('指导内容不能重复', 'a duty may be ticked once'),
    }),
  note: text(1000).nullable().optional(),
});

export type LogVisit = Command<
  'LogVisit',
  Omit<z.output<typeof logVisitBody>, 'instructorId'> & { visitId: string; instructorId: string }
>;

/**
 * 到单位指导 (C1): a visit counts only for a unit the instructor is dispatched to on that day. A unit never
 * dispatched to is refused as out of the instructor's reach (403); a day outside the dispatch as a rule
 * (422), naming the dispatch's days.
 */
export const logVisit = ({ data, metadata }: LogVisit, state: Instructor): InstructorVisitLogged => {
  notInFuture(data.visitedOn, metadata, 'visitedOn', 'instructors.date-in-future');
  const toUnit = state.dispatches.filter((d) => d.unitId === data.unitId);
  if (!toUnit.length)
    throw new DomainError(
      'instructors.unit-not-dispatched',
      {
        zh: '该指导员未派驻到此单位，只能记录派驻单位的指导',
        en: 'The instructor is not dispatched to this unit: visits are logged only for dispatched units',
      },
      'unitId',
      403,
    );
  const dispatch = toUnit.find((d) => covers(d, data.visitedOn));
  if (!dispatch) {
    const periods = toUnit.map((d) => `${d.startOn}–${d.endOn ?? ''}`).join(', ');
    throw new DomainError(
      'instructors.visit-outside-dispatch',
      {
        zh: `${data.visitedOn} 不在派驻期间（${periods}）内`,
        en: `${data.visitedOn} is outside the dispatch (${periods})`,
      },
      'visitedOn',
    );
  }
  if (state.visits.some((v) => v.unitId === data.unitId && v.visitedOn === data.visitedOn))
    throw new DomainError(
      'instructors.visit-duplicate',
      {
        zh: `${data.visitedOn} 已记录过到该单位的指导`,
        en: `A visit to this unit on ${data.visitedOn} is already logged`,
      },
      'visitedOn',
      409,
    );
  return {
    type: 'InstructorVisitLogged',
    data: {
      visitId: data.visitId,
      instructorId: data.instructorId,
      unitId: data.unitId,
      dispatchId: dispatch.dispatchId,
      visitedOn: data.visitedOn,
      duties: data.duties,
      note: data.note ?? null,
    },
    metadata: { occurredAt: occurredOn(data.visitedOn), unitIds: [data.unitId] },
  };
};

export class LogVisitCommand extends CommandMessage<LogVisit, Instructor> {}

@CommandHandler(LogVisitCommand)
export class LogVisitHandler implements ICommandHandler<LogVisitCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: LogVisitCommand) {
    return handleCommand(
      this.store,
      instructorStream(command.data.instructorId),
      instructor,
      (s) => logVisit(command, s),
      command.metadata,
      options,
    );
  }
}
