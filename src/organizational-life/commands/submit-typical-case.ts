import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { typicalCaseStream, type TypicalCaseSubmitted } from '../organizational-life.events.js';
import { typicalCase, type TypicalCase } from '../typical-case.js';

export const submitTypicalCaseBody = z.strictObject({
  orgId: z.string().uuid(),
  unitId: z.string().uuid(),
  title: name(100),
  summary: text(4000),
  submittedOn: localDate(),
});

export type SubmitTypicalCase = Command<
  'SubmitTypicalCase',
  z.output<typeof submitTypicalCaseBody> & { caseId: string }
>;

/** A unit's typical case (典型案例), sent in through the Party organisation that covers it. */
export const submitTypicalCase = (
  { data, metadata }: SubmitTypicalCase,
  state: TypicalCase,
  coverage: { orgExists: boolean; covers: boolean },
): TypicalCaseSubmitted => {
  if (state.status !== 'none')
    throw new DomainError(
      'typical-case.already-submitted',
      { zh: '该案例已报送', en: 'This case is already submitted' },
      undefined,
      409,
    );
  if (!coverage.orgExists) throw new NotFoundError({ zh: '党组织', en: 'Party organisation' }, data.orgId);
  if (!coverage.covers)
    throw new DomainError(
      'typical-case.unit-not-covered',
      { zh: '该单位不属于所选党组织', en: 'The unit is not covered by this Party organisation' },
      'unitId',
    );
  notInFuture(data.submittedOn, metadata, 'submittedOn', 'typical-case.date-in-future');
  return {
    type: 'TypicalCaseSubmitted',
    data: {
      caseId: data.caseId,
      unitId: data.unitId,
      orgId: data.orgId,
      title: data.title,
      summary: data.summary,
      submittedOn: data.submittedOn,
    },
    metadata: { occurredAt: occurredOn(data.submittedOn), unitIds: [data.unitId] },
  };
};

export class SubmitTypicalCaseCommand extends CommandMessage<SubmitTypicalCase, TypicalCase> {}

@CommandHandler(SubmitTypicalCaseCommand)
export class SubmitTypicalCaseHandler implements ICommandHandler<SubmitTypicalCaseCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organizations: OrganizationsFacts,
  ) {}

  execute({ command, options }: SubmitTypicalCaseCommand) {
    const coverage = this.organizations.orgCoversUnit(command.data.orgId, command.data.unitId);
    return handleCommand(
      this.store,
      typicalCaseStream(command.data.caseId),
      typicalCase,
      (s) => submitTypicalCase(command, s, coverage),
      command.metadata,
      options,
    );
  }
}
