import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { Command } from '../../core/messages.js';
import { notInFuture } from '../../core/time/past-date.js';
import { partyOrgStream, type PositionEnded } from '../organizations.events.js';
import { activeOrganization, partyOrganization, type PartyOrganization } from '../party-organization.js';

export const endPositionBody = z.strictObject({ to: localDate() });

export type EndPosition = Command<
  'EndPosition',
  z.output<typeof endPositionBody> & { orgId: string; positionId: string }
>;

export const endPosition = ({ data, metadata }: EndPosition, state: PartyOrganization): PositionEnded => {
  const org = activeOrganization(state, data.orgId);
  const held = org.positions.find((p) => p.positionId === data.positionId);
  if (!held)
    throw new DomainError(
      'position.not-held',
      { zh: '该职务不存在或已结束', en: 'No such current post' },
      'positionId',
      404,
    );
  if (data.to < held.from)
    throw new DomainError(
      'position.ends-before-start',
      { zh: '结束日期早于任职日期', en: 'The end date is before the start' },
      'to',
    );
  notInFuture(data.to, metadata, 'to', 'position.date-in-future');
  return {
    type: 'PositionEnded',
    data: { orgId: data.orgId, positionId: data.positionId, to: data.to },
    metadata: { occurredAt: occurredOn(data.to), unitIds: org.unitIds },
  };
};

export class EndPositionCommand extends CommandMessage<EndPosition, PartyOrganization> {}

@CommandHandler(EndPositionCommand)
export class EndPositionHandler implements ICommandHandler<EndPositionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: EndPositionCommand) {
    return handleCommand(
      this.store,
      partyOrgStream(command.data.orgId),
      partyOrganization,
      (s) => endPosition(command, s),
      command.metadata,
      options,
    );
  }
}
