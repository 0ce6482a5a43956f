import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { says } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import { STEPS, stepNumber, stepOf, type StepKey } from '../development-steps.js';
import type { DevelopmentRecordAttached } from '../development.events.js';
import {
  handleStep,
  recordsNotInFuture,
  refuse,
  stepRecordShape,
  toStepRecord,
  type StepCommand,
} from './step-support.js';

const STEP_KEYS = STEPS.map((step) => step.key) as [StepKey, ...StepKey[]];

export const attachDevelopmentRecordBody = z.strictObject({
  step: z.enum(STEP_KEYS, {
    message: says(
      '应为 25 个步骤之一的键（见 /api/development/catalogue）',
      'must be one of the 25 step keys (see /api/development/catalogue)',
    ),
  }),
  ...stepRecordShape,
});

export type AttachDevelopmentRecord = StepCommand<
  'AttachDevelopmentRecord',
  z.output<typeof attachDevelopmentRecordBody>
>;

/**
 * A document a done step produced, recorded after the step (一事一记): the paper or scan stays in the
 * Party member archive, the case keeps its title, where it is kept and its date. Any status but "no
 * case": a closed case's steps keep their records too. Not for a step the case has not done.
 */
export const attachDevelopmentRecord = (
  { data, metadata }: AttachDevelopmentRecord,
  state: DevelopmentCase,
): DevelopmentRecordAttached => {
  if (state.status === 'none')
    throw refuse('case-unknown', '没有该人员的发展记录', 'No development case for this person', 'personId', 404);
  if (!state.done[data.step]) {
    const n = stepNumber(data.step);
    const step = stepOf(data.step);
    throw refuse(
      'record-step-not-done',
      `第${n}步“${step.zh}”尚未完成，只能为已完成的步骤补充材料`,
      `Step ${n} (${step.en}) is not done: records are attached only to a done step`,
      'step',
    );
  }
  recordsNotInFuture([data], metadata, () => 'on');
  return {
    type: 'DevelopmentRecordAttached',
    data: { personId: state.personId, step: data.step, ...toStepRecord(data) },
    metadata: { unitIds: [state.unitId] },
  };
};

export class AttachDevelopmentRecordCommand extends CommandMessage<AttachDevelopmentRecord, DevelopmentCase> {}

@CommandHandler(AttachDevelopmentRecordCommand)
export class AttachDevelopmentRecordHandler implements ICommandHandler<AttachDevelopmentRecordCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: AttachDevelopmentRecordCommand) {
    return handleStep(this.store, command, (s) => attachDevelopmentRecord(command, s), options);
  }
}
