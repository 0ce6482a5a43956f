import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import type { PartyOrganizationEvent } from '../organizations.events.js';
import { partyOrganization } from '../party-organization.js';
import { affiliateUnit } from './affiliate-unit.js';
import { assignPosition } from './assign-position.js';
import { electCommittee } from './elect-committee.js';

const founded: PartyOrganizationEvent = {
  type: 'PartyOrganizationFounded',
  data: {
    orgId: 'org-1',
    name: '城南学校党支部',
    kind: 'party_branch',
    parentId: 'root',
    unitIds: ['u-1'],
    foundedOn: '2018-03-01',
  },
};
const secretary: PartyOrganizationEvent = {
  type: 'PositionAssigned',
  data: {
    orgId: 'org-1',
    positionId: 'p-1',
    memberId: 'm-1',
    title: 'branch_secretary',
    from: '2023-09-01',
    crossAppointment: '校长',
  },
};
const assign =
  (memberId: string, title: 'branch_secretary' | 'deputy_secretary', memberOrg: string | null = 'org-1') =>
  (state: Parameters<typeof assignPosition>[1]) =>
    assignPosition(
      command(
        'AssignPosition',
        { orgId: 'org-1', positionId: 'p-2', memberId, title, from: '2026-09-01', crossAppointment: null },
        testMetadata(),
      ),
      state,
      memberOrg,
    );

describe('posts in a Party organisation', () => {
  test('a member of the organisation becomes deputy secretary', () =>
    spec(partyOrganization)
      .given([founded, secretary])
      .when(assign('m-2', 'deputy_secretary'))
      .then([
        {
          type: 'PositionAssigned',
          data: {
            orgId: 'org-1',
            positionId: 'p-2',
            memberId: 'm-2',
            title: 'deputy_secretary',
            from: '2026-09-01',
            crossAppointment: null,
          },
        },
      ]));
  test('only one secretary at a time', () =>
    spec(partyOrganization)
      .given([founded, secretary])
      .when(assign('m-2', 'branch_secretary'))
      .thenFails('position.secretary-held', 'title'));
  test('a member of another organisation cannot hold a post here', () =>
    spec(partyOrganization)
      .given([founded])
      .when(assign('m-9', 'deputy_secretary', 'org-2'))
      .thenFails('position.not-a-member', 'memberId'));
  test('an organisation that does not exist', () =>
    spec(partyOrganization).given([]).when(assign('m-2', 'deputy_secretary')).thenFails('not-found'));
});

describe('committee terms (B15)', () => {
  const elect = (termStart: string) => (state: Parameters<typeof electCommittee>[1]) =>
    electCommittee(command('ElectCommittee', { orgId: 'org-1', termStart, termYears: 3 }, testMetadata()), state);
  test('a term of 3 years ends the day before the third anniversary', () =>
    spec(partyOrganization)
      .given([founded])
      .when(elect('2024-02-29'))
      .then([{ type: 'CommitteeElected', data: { orgId: 'org-1', termStart: '2024-02-29', termEnd: '2027-02-27' } }]));
  test('a re-election long before the term ends is refused', () =>
    spec(partyOrganization)
      .given([
        founded,
        { type: 'CommitteeElected', data: { orgId: 'org-1', termStart: '2025-01-10', termEnd: '2028-01-09' } },
      ])
      .when(elect('2025-06-01'))
      .thenFails('org.term-overlaps', 'termStart'));
});

describe('affiliation (挂靠)', () => {
  const registered = {
    type: 'UnitRegistered' as const,
    data: {
      unitId: 'u-1',
      name: '梦圆幼儿园',
      type: 'private_kindergarten' as const,
      district: null,
      centralSchool: null,
    },
  };
  const host = { id: 'org-h', name: '教育局第一挂靠党支部', kind: 'affiliated_party_org', unitIds: [] };
  test('a unit with fewer than 3 full members may be hosted', async () => {
    const { unit } = await import('../unit.js');
    spec(unit)
      .given([registered])
      .when((s) =>
        affiliateUnit(
          command('AffiliateUnit', { unitId: 'u-1', hostOrgId: 'org-h', on: '2026-03-01' }, testMetadata()),
          s,
          { host, fullMembers: 2, ownOrg: null },
        ),
      )
      .then([{ type: 'UnitAffiliated', data: { unitId: 'u-1', hostOrgId: 'org-h', since: '2026-03-01' } }]);
  });
  test('a unit with 3 full members must set up its own organisation instead', async () => {
    const { unit } = await import('../unit.js');
    spec(unit)
      .given([registered])
      .when((s) =>
        affiliateUnit(
          command('AffiliateUnit', { unitId: 'u-1', hostOrgId: 'org-h', on: '2026-03-01' }, testMetadata()),
          s,
          { host, fullMembers: 3, ownOrg: null },
        ),
      )
      .thenFails('unit.too-many-members-to-affiliate');
  });
  test('a unit with a branch of its own is not hosted by another, however few its full members', async () => {
    const { unit } = await import('../unit.js');
    const ownOrg = { id: 'org-own', name: '桥山中学党支部', kind: 'party_branch', unitIds: ['u-1'] };
    spec(unit)
      .given([registered])
      .when((s) =>
        affiliateUnit(
          command('AffiliateUnit', { unitId: 'u-1', hostOrgId: 'org-h', on: '2026-03-01' }, testMetadata()),
          s,
          { host, fullMembers: 2, ownOrg },
        ),
      )
      .thenFails('unit.has-own-organisation');
  });
});
