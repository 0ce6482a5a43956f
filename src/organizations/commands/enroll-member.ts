import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { ageOn, shanghaiDate } from '../../core/time/local-date.js';
import { member, type Member } from '../member.js';
import { MEMBER_CATEGORIES, memberStream, type MemberEnrolled } from '../organizations.events.js';
import { RosterFacts, type OrgFacts } from '../roster-facts.js';

/**
 * A member's fields, as the form sends them (POST /api/members) and as each row of a roster import
 * is checked: one schema, so a file can never enrol what the form refuses.
 */
export const enrollMemberBody = z.strictObject({
  name: name(50),
  gender: z.enum(['male', 'female']),
  birthDate: localDate().nullish(),
  orgId: z.string().uuid(),
  unitId: z.string().uuid(),
  category: z.enum(MEMBER_CATEGORIES),
  joinedOn: localDate().nullish(),
  post: name(50).nullish(),
  teaches: z.boolean().default(false),
});

export type EnrollMember = Command<'EnrollMember', z.output<typeof enrollMemberBody> & { memberId: string }>;

export interface PlacementFacts {
  org: OrgFacts | null;
  unitExists: boolean;
  /** The organisation covers the unit: one of its units, or the unit is affiliated to it. */
  covered: boolean;
}

/** Shared by enrolment and transfer: the organisation exists and covers the unit. */
export const checkPlacement = (facts: PlacementFacts, field: 'orgId' | 'toOrgId', unitField: 'unitId' | 'toUnitId') => {
  if (!facts.org)
    throw new DomainError(
      'member.org-unknown',
      { zh: '党组织不存在', en: 'The Party organisation does not exist' },
      field,
    );
  if (!facts.unitExists)
    throw new DomainError('member.unit-unknown', { zh: '单位不存在', en: 'The unit does not exist' }, unitField);
  if (!facts.covered) {
    throw new DomainError(
      'member.unit-not-covered',
      {
        zh: `党组织“${facts.org.name}”不覆盖该单位（既非本单位组织，也非其挂靠组织）`,
        en: `${facts.org.name} does not cover this unit (neither its own nor its host organisation)`,
      },
      unitField,
    );
  }
};

export const enrollMember = (
  { data, metadata }: EnrollMember,
  state: Member,
  facts: PlacementFacts,
): MemberEnrolled => {
  if (state.status !== 'none')
    throw new DomainError(
      'member.exists',
      { zh: '该党员已在册', en: 'The member is already on the roster' },
      'memberId',
      409,
    );
  checkPlacement(facts, 'orgId', 'unitId');
  const today = shanghaiDate(metadata.now);
  if (data.birthDate && data.birthDate > today)
    throw new DomainError(
      'member.born-in-future',
      { zh: '出生日期晚于今天', en: 'The birth date is in the future' },
      'birthDate',
    );
  if (data.joinedOn && data.joinedOn > today)
    throw new DomainError(
      'member.joined-in-future',
      { zh: '入党时间晚于今天', en: 'The joining date is in the future' },
      'joinedOn',
    );
  if (data.birthDate && data.joinedOn && data.joinedOn < data.birthDate)
    throw new DomainError(
      'member.joined-before-birth',
      { zh: '入党时间早于出生日期', en: 'The joining date is before the birth date' },
      'joinedOn',
    );
  if (data.birthDate && data.joinedOn && ageOn(data.birthDate, data.joinedOn) < 18) {
    throw new DomainError(
      'member.under-18-at-joining',
      { zh: '入党时未满 18 周岁', en: 'The member was under 18 when joining' },
      'joinedOn',
    );
  }
  return {
    type: 'MemberEnrolled',
    data: {
      memberId: data.memberId,
      name: data.name,
      gender: data.gender,
      birthDate: data.birthDate ?? null,
      orgId: data.orgId,
      unitId: data.unitId,
      category: data.category,
      joinedOn: data.joinedOn ?? null,
      post: data.post ?? null,
      teaches: data.teaches,
    },
    metadata: { unitIds: [data.unitId] },
  };
};

export class EnrollMemberCommand extends CommandMessage<EnrollMember, Member> {}

@CommandHandler(EnrollMemberCommand)
export class EnrollMemberHandler implements ICommandHandler<EnrollMemberCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  execute({ command, options }: EnrollMemberCommand) {
    const facts = placementFacts(this.roster, command.data.orgId, command.data.unitId);
    return handleCommand(
      this.store,
      memberStream(command.data.memberId),
      member,
      (s) => enrollMember(command, s, facts),
      command.metadata,
      options,
    );
  }
}

export const placementFacts = (roster: RosterFacts, orgId: string, unitId: string): PlacementFacts => {
  const org = roster.org(orgId);
  return { org, unitExists: roster.unitExists(unitId), covered: org ? roster.covers(org, unitId) : false };
};
