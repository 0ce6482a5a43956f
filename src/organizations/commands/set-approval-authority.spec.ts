import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import type { OrgKind, PartyOrganizationEvent } from '../organizations.events.js';
import { partyOrganization } from '../party-organization.js';
import { foundPartyOrganization } from './found-party-organization.js';
import { setApprovalAuthority } from './set-approval-authority.js';

const founded = (kind: OrgKind, approvalAuthority?: boolean): PartyOrganizationEvent => ({
  type: 'PartyOrganizationFounded',
  data: {
    orgId: 'org-1',
    name: '桥山中学党委',
    kind,
    parentId: 'bureau',
    unitIds: ['u-1'],
    foundedOn: '2018-03-01',
    ...(approvalAuthority === undefined ? {} : { approvalAuthority }),
  },
});
const set =
  (approvalAuthority: boolean, on = '2026-09-01') =>
  (state: Parameters<typeof setApprovalAuthority>[1]) =>
    setApprovalAuthority(
      command('SetApprovalAuthority', { orgId: 'org-1', approvalAuthority, on }, testMetadata()),
      state,
    );

describe('approval authority (具有审批权限的基层党委, domain.md §4.1)', () => {
  test('the bureau grants it to a basic-level Party committee, and withdraws it', () => {
    spec(partyOrganization)
      .given([founded('basic_party_committee')])
      .when(set(true))
      .then([{ type: 'ApprovalAuthorityGranted', data: { orgId: 'org-1', on: '2026-09-01' } }]);
    spec(partyOrganization)
      .given([founded('basic_party_committee', true)])
      .when(set(false))
      .then([{ type: 'ApprovalAuthorityWithdrawn', data: { orgId: 'org-1', on: '2026-09-01' } }]);
  });

  test('a general branch or a branch never approves', () => {
    for (const kind of ['general_branch', 'party_branch', 'joint_branch'] as const)
      spec(partyOrganization)
        .given([founded(kind)])
        .when(set(true))
        .thenFails('org.approval-authority-committee-only', 'approvalAuthority');
    spec(partyOrganization)
      .given([])
      .when((state) =>
        foundPartyOrganization(
          command(
            'FoundPartyOrganization',
            {
              orgId: 'org-1',
              name: '桥山中学党总支',
              kind: 'general_branch',
              parentId: 'bureau',
              unitIds: [],
              foundedOn: '2018-03-01',
              approvalAuthority: true,
            },
            testMetadata(),
          ),
          state,
          {
            parent: { id: 'bureau', name: '教育局党委', kind: 'basic_party_committee', unitIds: [] },
            missingUnitIds: [],
          },
        ),
      )
      .thenFails('org.approval-authority-committee-only', 'approvalAuthority');
  });

  test('no change twice; an older event without the mark reads as none; no date ahead of today', () => {
    spec(partyOrganization)
      .given([founded('basic_party_committee', true)])
      .when(set(true))
      .thenFails('org.approval-authority-unchanged');
    spec(partyOrganization)
      .given([founded('basic_party_committee')])
      .when(set(false))
      .thenFails('org.approval-authority-unchanged');
    spec(partyOrganization)
      .given([founded('basic_party_committee')])
      .when(set(true, '2099-01-01'))
      .thenFails('org.date-in-future', 'on');
  });
});
