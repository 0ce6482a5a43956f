import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, says, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { READ_MODEL_DB } from '../../core/projections/read-model-db.js';
import { occurredOn } from '../../core/time/local-date.js';
import { instructorStream, type InstructorDispatched } from '../instructors.events.js';
import { instructor, overlap, type Instructor } from '../instructor.js';
import { instructorNamed, unitNamed } from '../projections/directory.projection.js';

/** A user id as auth makes them (the username). */
export const userId = () =>
  z.string().regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, {
    message: says(
      '用户编号为 3–32 位小写字母、数字或 _ . -',
      'must be a user id (3–32 lower-case letters, digits, _ . -)',
    ),
  });

export const dispatchInstructorBody = z.strictObject({
  instructorId: userId(),
  unitId: z.string().uuid(),
  startOn: localDate(),
  endOn: localDate().nullable().optional(),
  note: text(500).nullable().optional(),
});

export type DispatchInstructor = Command<
  'DispatchInstructor',
  z.output<typeof dispatchInstructorBody> & { dispatchId: string }
>;

/** What the handler looks up for the decider: is the user an instructor, does the unit exist. */
export interface DispatchFacts {
  instructor: { displayName: string } | null;
  unit: { name: string } | null;
}

/**
 * 派驻: the bureau dispatches an instructor to a unit from `startOn` (until `endOn` when known). Only a
 * user holding the role 'instructor' is dispatched, and never twice to the same unit over the same days.
 */
export const dispatchInstructor = (
  { data }: DispatchInstructor,
  state: Instructor,
  facts: DispatchFacts,
): InstructorDispatched => {
  if (!facts.instructor)
    throw new DomainError(
      'instructors.not-an-instructor',
      {
        zh: `用户 ${data.instructorId} 不存在或没有党建工作指导员角色`,
        en: `User ${data.instructorId} does not exist or does not hold the instructor role`,
      },
      'instructorId',
    );
  if (!facts.unit)
    throw new DomainError('instructors.unit-unknown', { zh: '单位不存在', en: 'The unit does not exist' }, 'unitId');
  const endOn = data.endOn ?? null;
  if (endOn !== null && endOn < data.startOn)
    throw new DomainError(
      'instructors.end-before-start',
      { zh: '派驻结束日期不能早于开始日期', en: 'The dispatch cannot end before it starts' },
      'endOn',
    );
  const clash = state.dispatches.find((d) => d.unitId === data.unitId && overlap(d, { startOn: data.startOn, endOn }));
  if (clash)
    throw new DomainError(
      'instructors.already-dispatched',
      {
        zh: `该指导员已派驻到${facts.unit.name}（自 ${clash.startOn} 起），派驻期间不能重叠`,
        en: `The instructor is already dispatched to ${facts.unit.name} (from ${clash.startOn}); dispatches may not overlap`,
      },
      'unitId',
      409,
    );
  return {
    type: 'InstructorDispatched',
    data: {
      dispatchId: data.dispatchId,
      instructorId: data.instructorId,
      unitId: data.unitId,
      startOn: data.startOn,
      endOn,
      note: data.note ?? null,
    },
    metadata: { occurredAt: occurredOn(data.startOn), unitIds: [data.unitId] },
  };
};

export class DispatchInstructorCommand extends CommandMessage<DispatchInstructor, Instructor> {}

@CommandHandler(DispatchInstructorCommand)
export class DispatchInstructorHandler implements ICommandHandler<DispatchInstructorCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  execute({ command, options }: DispatchInstructorCommand) {
    const facts = {
      instructor: instructorNamed(this.db, command.data.instructorId),
      unit: unitNamed(this.db, command.data.unitId),
    };
    return handleCommand(
      this.store,
      instructorStream(command.data.instructorId),
      instructor,
      (s) => dispatchInstructor(command, s, facts),
      command.metadata,
      options,
    );
  }
}
