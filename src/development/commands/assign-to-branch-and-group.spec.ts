import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase } from '../development-case.js';
import { assignToBranchAndGroup } from './assign-to-branch-and-group.js';
import { DATES, PERSON, historyUntil } from './development.fixtures.js';

const assign =
  (orgId?: string, facts = { orgExists: true, covers: true }) =>
  (s: Parameters<typeof assignToBranchAndGroup>[1]) =>
    assignToBranchAndGroup(
      command(
        'AssignToBranchAndGroup',
        { personId: PERSON, on: DATES.assigned, partyGroup: '第二党小组', orgId },
        testMetadata(),
      ),
      s,
      facts,
    );
const assigned = (orgId: string) => [
  {
    type: 'AssignedToBranchAndGroup' as const,
    data: { personId: PERSON, on: DATES.assigned, orgId, partyGroup: '第二党小组', records: [] },
  },
];
const given = historyUntil('approvalFiled');

describe('step 19: assignment to a branch and a Party group', () => {
  test('without an organisation: the branch that admitted the person', () =>
    spec(developmentCase).given(given).when(assign()).then(assigned('org-1')));
  test('another branch that covers the unit: the case moves there', () =>
    spec(developmentCase).given(given).when(assign('org-2')).then(assigned('org-2')));
  test('an unknown organisation, or one that does not cover the unit, is refused on orgId', () => {
    spec(developmentCase)
      .given(given)
      .when(assign('org-9', { orgExists: false, covers: false }))
      .thenFails('development.org-unknown', 'orgId');
    spec(developmentCase)
      .given(given)
      .when(assign('org-3', { orgExists: true, covers: false }))
      .thenFails('development.unit-not-covered', 'orgId');
  });
  test('not before the approval', () =>
    spec(developmentCase).given(historyUntil('interview')).when(assign('org-2')).thenFails('development.out-of-order'));
});
