import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { instructorStream, type InstructorDispatchEnded } from '../instructors.events.js';
import { instructor, type Instructor } from '../instructor.js';

export const endDispatchBody = z.strictObject({
  endOn: localDate(),
  reason: text(500).nullable().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

export type EndDispatch = Command<
  'EndDispatch',
  Omit<z.output<typeof endDispatchBody>, 'expectedRevision'> & { dispatchId: string; instructorId: string }
>;

export const DISPATCH = { zh: '指导员派驻', en: 'Dispatch' };

/**
 * Ends a dispatch on `endOn` (its last day). Not before it started, and not before a visit already logged
 * under it: the visit would then lie outside the dispatch it counts for.
 */
export const endDispatch = ({ data }: EndDispatch, state: Instructor): InstructorDispatchEnded => {
  const dispatch = state.dispatches.find((d) => d.dispatchId === data.dispatchId);
  if (!dispatch) throw new NotFoundError(DISPATCH, data.dispatchId);
  if (dispatch.ended)
    throw new DomainError(
      'instructors.dispatch-already-ended',
      { zh: `该派驻已于 ${dispatch.endOn} 结束`, en: `The dispatch already ended on ${dispatch.endOn}` },
      'endOn',
      409,
    );
  if (data.endOn < dispatch.startOn)
    throw new DomainError(
      'instructors.end-before-start',
      { zh: '派驻结束日期不能早于开始日期', en: 'The dispatch cannot end before it starts' },
      'endOn',
    );
  const later = state.visits
    .filter((v) => v.dispatchId === dispatch.dispatchId && v.visitedOn > data.endOn)
    .map((v) => v.visitedOn)
    .sort();
  if (later.length)
    throw new DomainError(
      'instructors.visits-after-end',
      {
        zh: `${later[later.length - 1]} 已有到单位指导记录，结束日期不能早于该日`,
        en: `A visit is logged on ${later[later.length - 1]}: the dispatch cannot end before it`,
      },
      'endOn',
    );
  return {
    type: 'InstructorDispatchEnded',
    data: {
      dispatchId: dispatch.dispatchId,
      instructorId: data.instructorId,
      unitId: dispatch.unitId,
      endOn: data.endOn,
      reason: data.reason ?? null,
    },
    metadata: { occurredAt: occurredOn(data.endOn), unitIds: [dispatch.unitId] },
  };
};

export class EndDispatchCommand extends CommandMessage<EndDispatch, Instructor> {}

@CommandHandler(EndDispatchCommand)
export class EndDispatchHandler implements ICommandHandler<EndDispatchCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: EndDispatchCommand) {
    return handleCommand(
      this.store,
      instructorStream(command.data.instructorId),
      instructor,
      (s) => endDispatch(command, s),
      command.metadata,
      options,
    );
  }
}
