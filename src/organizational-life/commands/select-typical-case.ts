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
import { typicalCaseStream, type TypicalCaseSelected } from '../organizational-life.events.js';
import { submittedCase, typicalCase, type TypicalCase } from '../typical-case.js';

export const selectTypicalCaseBody = z.strictObject({
  // A range by refinement, not min/max: years are far from the small numbers other fields of the API take.
  conferenceYear: z
    .number()
    .int()
    .refine((year) => year >= 2000 && year <= 2100, {
      message: says('年份应在 2000 至 2100 之间', 'must be a year from 2000 to 2100'),
    }),
  note: text(500).nullish(),
  on: localDate(),
});

export type SelectTypicalCase = Command<
  'SelectTypicalCase',
  z.output<typeof selectTypicalCaseBody> & { caseId: string }
>;

/** The bureau selects a submitted case for the annual Party-building conference (D8), once. */
export const selectTypicalCase = ({ data, metadata }: SelectTypicalCase, state: TypicalCase): TypicalCaseSelected => {
  const submitted = submittedCase(state, data.caseId);
  if (submitted.status === 'selected')
    throw new DomainError(
      'typical-case.already-selected',
      {
        zh: `该案例已入选 ${submitted.conferenceYear} 年度大会`,
        en: `The case is already selected for the ${submitted.conferenceYear} conference`,
      },
      undefined,
      409,
    );
  notInFuture(data.on, metadata, 'on', 'typical-case.date-in-future');
  if (data.on < submitted.submittedOn)
    throw new DomainError(
      'typical-case.selected-before-submitted',
      { zh: '入选日期早于报送日期', en: 'The selection is dated before the submission' },
      'on',
    );
  if (data.conferenceYear < Number(submitted.submittedOn.slice(0, 4)))
    throw new DomainError(
      'typical-case.conference-before-submission',
      {
        zh: '年度大会不能早于案例报送的年份',
        en: 'The conference cannot be in a year before the case was submitted',
      },
      'conferenceYear',
    );
  return {
    type: 'TypicalCaseSelected',
    data: { caseId: data.caseId, conferenceYear: data.conferenceYear, note: data.note ?? null, on: data.on },
    metadata: { occurredAt: occurredOn(data.on), unitIds: [submitted.unitId] },
  };
};

export class SelectTypicalCaseCommand extends CommandMessage<SelectTypicalCase, TypicalCase> {}

@CommandHandler(SelectTypicalCaseCommand)
export class SelectTypicalCaseHandler implements ICommandHandler<SelectTypicalCaseCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: SelectTypicalCaseCommand) {
    return handleCommand(
      this.store,
      typicalCaseStream(command.data.caseId),
      typicalCase,
      (s) => selectTypicalCase(command, s),
      command.metadata,
      options,
    );
  }
}
