import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import { unitStream, type UnitAffiliated, type UnitAffiliationEnded } from '../organizations.events.js';
import { RosterFacts, type OrgFacts } from '../roster-facts.js';
import { registeredUnit, unit, type Unit } from '../unit.js';

export const affiliateUnitBody = z.strictObject({
  /** The host organisation; null ends the current affiliation. */
  hostOrgId: z.string().uuid().nullable(),
  on: localDate(),
});

export type AffiliateUnit = Command<'AffiliateUnit', z.output<typeof affiliateUnitBody> & { unitId: string }>;

const HOST_KINDS = ['affiliated_party_org', 'joint_branch', 'general_branch', 'basic_party_committee'];

/** 挂靠: a unit with fewer than 3 full members has no branch of its own and is hosted by another organisation. */
export const affiliateUnit = (
  { data, metadata: command }: AffiliateUnit,
  state: Unit,
  facts: { host: OrgFacts | null; fullMembers: number; ownOrg: OrgFacts | null },
): UnitAffiliated | UnitAffiliationEnded => {
  const current = registeredUnit(state, data.unitId);
  notInFuture(data.on, command, 'on', 'unit.date-in-future');
  const metadata = { occurredAt: occurredOn(data.on), unitIds: [data.unitId] };
  if (data.hostOrgId === null) {
    if (!current.hostOrgId)
      throw new DomainError(
        'unit.not-affiliated',
        { zh: '该单位没有挂靠党组织', en: 'The unit is not affiliated' },
        'hostOrgId',
      );
    return {
      type: 'UnitAffiliationEnded',
      data: { unitId: data.unitId, hostOrgId: current.hostOrgId, on: data.on },
      metadata,
    };
  }
  if (!facts.host)
    throw new DomainError(
      'unit.host-unknown',
      { zh: '挂靠党组织不存在', en: 'The host organisation does not exist' },
      'hostOrgId',
    );
  if (!HOST_KINDS.includes(facts.host.kind)) {
    throw new DomainError(
      'unit.host-kind',
      {
        zh: '党支部不能作为挂靠组织，请选择挂靠党组织、联合党支部或党总支/党委',
        en: 'A plain branch cannot host units',
      },
      'hostOrgId',
    );
  }
  if (current.hostOrgId === data.hostOrgId)
    throw new DomainError(
      'unit.already-affiliated',
      { zh: '该单位已挂靠此党组织', en: 'The unit is already affiliated to this organisation' },
      'hostOrgId',
    );
  if (facts.ownOrg) {
    throw new DomainError(
      'unit.has-own-organisation',
      {
        zh: `该单位已建立${facts.ownOrg.name}，无需挂靠`,
        en: `The unit has its own organisation (${facts.ownOrg.name}) and is not hosted by another`,
      },
      'hostOrgId',
    );
  }
  if (facts.fullMembers >= 3) {
    throw new DomainError(
      'unit.too-many-members-to-affiliate',
      {
        zh: `该单位有 ${facts.fullMembers} 名正式党员，应单独建立党组织`,
        en: `The unit has ${facts.fullMembers} full members and must set up its own organisation`,
      },
      'hostOrgId',
    );
  }
  return { type: 'UnitAffiliated', data: { unitId: data.unitId, hostOrgId: data.hostOrgId, since: data.on }, metadata };
};

export class AffiliateUnitCommand extends CommandMessage<AffiliateUnit, Unit> {}

@CommandHandler(AffiliateUnitCommand)
export class AffiliateUnitHandler implements ICommandHandler<AffiliateUnitCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  execute({ command, options }: AffiliateUnitCommand) {
    const facts = {
      host: this.roster.org(command.data.hostOrgId),
      fullMembers: this.roster.fullMembers(command.data.unitId),
      ownOrg: this.roster.ownOrgOf(command.data.unitId),
    };
    return handleCommand(
      this.store,
      unitStream(command.data.unitId),
      unit,
      (s) => affiliateUnit(command, s, facts),
      command.metadata,
      options,
    );
  }
}
