import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { says, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { READ_MODEL_DB } from '../../core/projections/read-model-db.js';
import { occurredOn, shanghaiDate } from '../../core/time/local-date.js';
import { affiliatedOrgStream, type AffiliatedOrgLifeConfirmed } from '../instructors.events.js';
import { affiliatedOrg, type AffiliatedOrg } from '../instructor.js';
import { orgNamed, unitsHostedIn } from '../projections/directory.projection.js';

export const confirmOrgLifeBody = z.strictObject({
  orgId: z.string().uuid(),
  /** The month confirmed, 'YYYY-MM'. */
  month: z.string().regex(/^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, {
    message: says('月份格式应为 YYYY-MM', 'must be a month as YYYY-MM'),
  }),
  note: text(1000).nullable().optional(),
});

export type ConfirmOrgLife = Command<'ConfirmOrgLife', z.output<typeof confirmOrgLifeBody>>;

export interface ConfirmFacts {
  org: { name: string } | null;
  /** The units affiliated to the organisation for at least a day of the month. */
  hostedUnitIds: string[];
}

/**
 * C6: an affiliated organisation confirms, once a month, that its hosted units' members attended
 * organisational life. Only for a month that has begun, in which it hosted at least one unit.
 */
export const confirmOrgLife = (
  { data, metadata }: ConfirmOrgLife,
  state: AffiliatedOrg,
  facts: ConfirmFacts,
): AffiliatedOrgLifeConfirmed => {
  if (!facts.org)
    throw new DomainError(
      'instructors.org-unknown',
      { zh: '党组织不存在', en: 'The Party organisation does not exist' },
      'orgId',
    );
  const today = shanghaiDate(metadata.now);
  if (data.month > today.slice(0, 7))
    throw new DomainError(
      'instructors.month-in-future',
      { zh: '不能确认尚未开始的月份', en: 'A month that has not begun cannot be confirmed' },
      'month',
    );
  if (!facts.hostedUnitIds.length)
    throw new DomainError(
      'instructors.org-hosts-no-units',
      {
        zh: `${facts.org.name}在 ${data.month} 没有挂靠单位，无需确认`,
        en: `${facts.org.name} hosted no units in ${data.month}: there is nothing to confirm`,
      },
      'orgId',
    );
  if (state.confirmedMonths.includes(data.month))
    throw new DomainError(
      'instructors.month-already-confirmed',
      { zh: `${data.month} 已确认`, en: `${data.month} is already confirmed` },
      'month',
      409,
    );
  return {
    type: 'AffiliatedOrgLifeConfirmed',
    data: {
      orgId: data.orgId,
      month: data.month,
      unitIds: facts.hostedUnitIds,
      confirmedOn: today,
      note: data.note ?? null,
    },
    metadata: { occurredAt: occurredOn(today), unitIds: facts.hostedUnitIds },
  };
};

export class ConfirmOrgLifeCommand extends CommandMessage<ConfirmOrgLife, AffiliatedOrg> {}

@CommandHandler(ConfirmOrgLifeCommand)
export class ConfirmOrgLifeHandler implements ICommandHandler<ConfirmOrgLifeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  execute({ command, options }: ConfirmOrgLifeCommand) {
    const facts = {
      org: orgNamed(this.db, command.data.orgId),
      hostedUnitIds: unitsHostedIn(this.db, command.data.orgId, command.data.month),
    };
    return handleCommand(
      this.store,
      affiliatedOrgStream(command.data.orgId),
      affiliatedOrg,
      (s) => confirmOrgLife(command, s, facts),
      command.metadata,
      options,
    );
  }
}
