import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { affiliatedOrg, type AffiliatedOrg } from '../instructor.js';
import { confirmOrgLife, type ConfirmFacts } from './confirm-org-life.js';

const FACTS: ConfirmFacts = { org: { name: '民办教育挂靠党支部一' }, hostedUnitIds: ['u-1', 'u-2'] };
const confirm =
  (month: string, facts = FACTS) =>
  (state: AffiliatedOrg) =>
    confirmOrgLife(
      command('ConfirmOrgLife', { orgId: 'org-1', month, note: null }, testMetadata('2026-11-23T02:00:00.000Z')),
      state,
      facts,
    );

describe('an affiliated organisation confirms its units’ members attended organisational life (C6)', () => {
  test('once a month, naming the units it hosted then', () => {
    spec(affiliatedOrg)
      .given([])
      .when(confirm('2026-11'))
      .then([
        {
          type: 'AffiliatedOrgLifeConfirmed',
          data: { orgId: 'org-1', month: '2026-11', unitIds: ['u-1', 'u-2'], confirmedOn: '2026-11-23', note: null },
        },
      ]);
    spec(affiliatedOrg)
      .given([
        {
          type: 'AffiliatedOrgLifeConfirmed',
          data: { orgId: 'org-1', month: '2026-10', unitIds: ['u-1'], confirmedOn: '2026-10-30', note: null },
        },
      ])
      .when(confirm('2026-10'))
      .thenFails('instructors.month-already-confirmed', 'month');
  });

  test('not a month to come, nor for an organisation hosting no unit that month, nor an unknown one', () => {
    spec(affiliatedOrg).given([]).when(confirm('2026-12')).thenFails('instructors.month-in-future', 'month');
    spec(affiliatedOrg)
      .given([])
      .when(confirm('2026-11', { ...FACTS, hostedUnitIds: [] }))
      .thenFails('instructors.org-hosts-no-units', 'orgId');
    spec(affiliatedOrg)
      .given([])
      .when(confirm('2026-11', { org: null, hostedUnitIds: [] }))
      .thenFails('instructors.org-unknown', 'orgId');
  });
});
