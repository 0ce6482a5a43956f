import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn, shanghaiDate } from '../../core/time/local-date.js';
import {
  partyOrgStream,
  type ApprovalAuthorityGranted,
  type ApprovalAuthorityWithdrawn,
} from '../organizations.events.js';
import { activeOrganization, partyOrganization, type PartyOrganization } from '../party-organization.js';
import { approvalAuthorityCommitteeOnly } from './found-party-organization.js';

export const setApprovalAuthorityBody = z.strictObject({
  /** true: the committee may approve new members from `on`; false: it no longer may. */
  approvalAuthority: z.boolean(),
  /** The date of the decision (e.g. the county Organization Department's notice). */
  on: localDate(),
});

export type SetApprovalAuthority = Command<
  'SetApprovalAuthority',
  z.output<typeof setApprovalAuthorityBody> & { orgId: string }
>;

/**
 * The bureau marks a basic-level Party committee as having approval authority (具有审批权限), or
 * withdraws the mark. Only such a committee's secretary may take the approval steps of the cases
 * under it (development's StepSender); the bureau's roles always may.
 */
export const setApprovalAuthority = (
  { data, metadata }: SetApprovalAuthority,
  state: PartyOrganization,
): ApprovalAuthorityGranted | ApprovalAuthorityWithdrawn => {
  const org = activeOrganization(state, data.orgId);
  if (data.approvalAuthority && org.kind !== 'basic_party_committee') throw approvalAuthorityCommitteeOnly();
  if (org.approvalAuthority === data.approvalAuthority)
    throw new DomainError(
      'org.approval-authority-unchanged',
      data.approvalAuthority
        ? { zh: '该党委已具有审批权限', en: 'This committee already has approval authority' }
        : { zh: '该党组织没有审批权限', en: 'This organisation has no approval authority' },
      'approvalAuthority',
      409,
    );
  if (data.on > shanghaiDate(metadata.now))
    throw new DomainError('org.date-in-future', { zh: '日期晚于今天', en: 'The date is in the future' }, 'on');
  return {
    type: data.approvalAuthority ? 'ApprovalAuthorityGranted' : 'ApprovalAuthorityWithdrawn',
    data: { orgId: data.orgId, on: data.on },
    metadata: { occurredAt: occurredOn(data.on), unitIds: org.unitIds },
  };
};

export class SetApprovalAuthorityCommand extends CommandMessage<SetApprovalAuthority, PartyOrganization> {}

@CommandHandler(SetApprovalAuthorityCommand)
export class SetApprovalAuthorityHandler implements ICommandHandler<SetApprovalAuthorityCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: SetApprovalAuthorityCommand) {
    return handleCommand(
      this.store,
      partyOrgStream(command.data.orgId),
      partyOrganization,
      (s) => setApprovalAuthority(command, s),
      command.metadata,
      options,
    );
  }
}
