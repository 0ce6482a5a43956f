import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, foldStream, handleCommand } from '../../core/command-handling.js';
import { DomainError, NameTakenError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name } from '../../core/http/validation.js';
import { occurredOn } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import type { Command } from '../../core/messages.js';
import { claimName } from '../name-claims.js';
import { ORG_KINDS, partyOrgStream, type PartyOrganizationFounded } from '../organizations.events.js';
import { partyOrganization, type PartyOrganization } from '../party-organization.js';
import { RosterFacts, type OrgFacts } from '../roster-facts.js';

export const foundPartyOrganizationBody = z.strictObject({
  name: name(100),
  kind: z.enum(ORG_KINDS),
  parentId: z.string().uuid().nullish(),
  unitIds: z.array(z.string().uuid()).max(50).default([]),
  foundedOn: localDate(),
  /** Only a basic-level Party committee may have it (domain.md §4.1): it approves new members. */
  approvalAuthority: z.boolean().default(false),
});

export type FoundPartyOrganization = Command<
  'FoundPartyOrganization',
  z.output<typeof foundPartyOrganizationBody> & { orgId: string }
>;

/** Facts from other streams: the parent organisation and which of the units exist. */
export interface FoundingFacts {
  parent: OrgFacts | null;
  missingUnitIds: string[];
}

/** §4.1: only a basic-level Party committee approves; a general branch (党总支) or a branch never does. */
export const approvalAuthorityCommitteeOnly = () =>
  new DomainError(
    'org.approval-authority-committee-only',
    {
      zh: '只有基层党委可以具有审批权限，党总支、党支部不能审批发展党员',
      en: 'Only a basic-level Party committee may have approval authority; a general branch or a branch may not approve new members',
    },
    'approvalAuthority',
  );

const MAX_JOINT_BRANCH_UNITS = 5; // Branch Work Regulations 2018: a joint branch generally covers at most 5 units.

export const foundPartyOrganization = (
  { data, metadata }: FoundPartyOrganization,
  state: PartyOrganization,
  facts: FoundingFacts,
): PartyOrganizationFounded => {
  if (state.status !== 'none')
    throw new DomainError(
      'org.exists',
      { zh: '该党组织已存在', en: 'This Party organisation already exists' },
      'orgId',
      409,
    );
  notInFuture(data.foundedOn, metadata, 'foundedOn', 'org.date-in-future');
  if (data.parentId && !facts.parent) {
    throw new DomainError(
      'org.parent-unknown',
      { zh: '上级党组织不存在', en: 'The parent organisation does not exist' },
      'parentId',
    );
  }
  if (!data.parentId && data.kind !== 'basic_party_committee') {
    throw new DomainError(
      'org.parent-required',
      { zh: '除党委外，党组织须有上级党组织', en: 'Every organisation but a Party committee needs a parent' },
      'parentId',
    );
  }
  if (facts.missingUnitIds.length > 0) {
    throw new DomainError(
      'org.unit-unknown',
      { zh: `单位不存在：${facts.missingUnitIds.join('、')}`, en: `Unknown units: ${facts.missingUnitIds.join(', ')}` },
      'unitIds',
    );
  }
  if (data.kind === 'joint_branch' && data.unitIds.length > MAX_JOINT_BRANCH_UNITS) {
    throw new DomainError(
      'org.joint-branch-too-large',
      { zh: '联合党支部一般不超过 5 个单位', en: 'A joint branch generally covers at most 5 units' },
      'unitIds',
    );
  }
  if (data.approvalAuthority && data.kind !== 'basic_party_committee') throw approvalAuthorityCommitteeOnly();
  const { orgId, name, kind, unitIds, foundedOn, approvalAuthority } = data;
  return {
    type: 'PartyOrganizationFounded',
    data: {
      orgId,
      name,
      kind,
      parentId: data.parentId ?? null,
      unitIds: [...new Set(unitIds)],
      foundedOn,
      approvalAuthority,
    },
    metadata: { occurredAt: occurredOn(foundedOn), unitIds },
  };
};

export class FoundPartyOrganizationCommand extends CommandMessage<FoundPartyOrganization, PartyOrganization> {}

@CommandHandler(FoundPartyOrganizationCommand)
export class FoundPartyOrganizationHandler implements ICommandHandler<FoundPartyOrganizationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  async execute({ command, options }: FoundPartyOrganizationCommand) {
    const facts: FoundingFacts = {
      parent: this.roster.org(command.data.parentId),
      missingUnitIds: command.data.unitIds.filter((id) => !this.roster.unitExists(id)),
    };
    const decide = (s: PartyOrganization) => foundPartyOrganization(command, s, facts);
    // Every other refusal first, so a refused command claims no name.
    decide(foldStream(partyOrganization, await this.store.readStream(partyOrgStream(command.data.orgId))));
    await this.claimOrgName(command.data.orgId, command.data.name, command);
    return handleCommand(
      this.store,
      partyOrgStream(command.data.orgId),
      partyOrganization,
      decide,
      command.metadata,
      options,
    );
  }

  /** A second organisation of the same name: 409 `org.name-taken` naming the first (see name-claims.ts). */
  private async claimOrgName(orgId: string, orgName: string, { data, metadata }: FoundPartyOrganization) {
    const taken = (existing: { id: string; name: string }) =>
      new NameTakenError('org.name-taken', { zh: '党组织', en: 'Party organisation' }, existing);
    const existing = this.roster.orgNamed(orgName, orgId);
    if (existing) throw taken(existing);
    await claimName(
      this.store,
      {
        category: 'partyOrgName',
        name: orgName,
        ownerId: orgId,
        unitIds: data.unitIds,
        taken,
        currentNameOf: async (id) => {
          const state = foldStream(partyOrganization, await this.store.readStream(partyOrgStream(id)));
          return state.status === 'active' ? state.name : null;
        },
      },
      metadata,
    );
  }
}
