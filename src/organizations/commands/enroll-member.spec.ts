import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { member } from '../member.js';
import type { MemberEnrolled } from '../organizations.events.js';
import { enrollMember, type PlacementFacts } from './enroll-member.js';
import { transferMember } from './transfer-member.js';

const ORG = { id: 'org-1', name: '桥山中学党支部', kind: 'party_branch', unitIds: ['unit-1'] };
const covered: PlacementFacts = { org: ORG, unitExists: true, covered: true };
const data = {
  memberId: 'm-1',
  name: '王芳',
  gender: 'female' as const,
  birthDate: '1985-03-02',
  orgId: 'org-1',
  unitId: 'unit-1',
  category: 'full' as const,
  joinedOn: '2010-07-01',
  post: '语文教师',
  teaches: true,
};
const enrol =
  (overrides: Partial<typeof data> = {}, facts = covered) =>
  (state: Parameters<typeof enrollMember>[1]) =>
    enrollMember(command('EnrollMember', { ...data, ...overrides }, testMetadata()), state, facts);
const enrolled: MemberEnrolled = { type: 'MemberEnrolled', data: { ...data } };

describe('enrol a member', () => {
  test('a new member in an organisation that covers the unit is enrolled', () =>
    spec(member).given([]).when(enrol()).then([enrolled]));
  test('the same member twice is refused', () =>
    spec(member).given([enrolled]).when(enrol()).thenFails('member.exists'));
  test('an unknown organisation is named', () =>
    spec(member)
      .given([])
      .when(enrol({}, { ...covered, org: null }))
      .thenFails('member.org-unknown', 'orgId'));
  test('an organisation that does not cover the unit is refused', () =>
    spec(member)
      .given([])
      .when(enrol({}, { ...covered, covered: false }))
      .thenFails('member.unit-not-covered', 'unitId'));
  test('joining before 18 is refused', () =>
    spec(member)
      .given([])
      .when(enrol({ birthDate: '1995-08-01', joinedOn: '2013-07-31' }))
      .thenFails('member.under-18-at-joining'));
  test('joining on the 18th birthday is allowed', () =>
    spec(member)
      .given([])
      .when(enrol({ birthDate: '1995-08-01', joinedOn: '2013-08-01' }))
      .then([{ type: 'MemberEnrolled', data: { ...data, birthDate: '1995-08-01', joinedOn: '2013-08-01' } }]));
  test('joining before one was born is refused naming joinedOn, not thrown as a RangeError', () =>
    spec(member)
      .given([])
      .when(enrol({ birthDate: '1995-08-01', joinedOn: '1990-01-01' }))
      .thenFails('member.joined-before-birth', 'joinedOn'));
  test('dates after today are refused', () =>
    spec(member)
      .given([])
      .when(enrol({ joinedOn: '2027-01-01' }))
      .thenFails('member.joined-in-future', 'joinedOn'));
});

describe('transfer a member: one organisation at a time', () => {
  const transfer =
    (toOrgId: string, toUnitId: string, facts = covered) =>
    (state: Parameters<typeof transferMember>[1]) =>
      transferMember(
        command('TransferMember', { memberId: 'm-1', toOrgId, toUnitId, on: '2026-09-01' }, testMetadata()),
        state,
        facts,
      );
  test('moves the member from the current organisation and unit', () =>
    spec(member)
      .given([enrolled])
      .when(transfer('org-2', 'unit-2', { ...covered, org: { ...ORG, id: 'org-2' } }))
      .then([
        {
          type: 'MemberTransferred',
          data: {
            memberId: 'm-1',
            fromOrgId: 'org-1',
            toOrgId: 'org-2',
            fromUnitId: 'unit-1',
            toUnitId: 'unit-2',
            on: '2026-09-01',
          },
        },
      ]));
  test('to where the member already is: refused', () =>
    spec(member).given([enrolled]).when(transfer('org-1', 'unit-1')).thenFails('member.same-placement'));
  test('a member not on the roster cannot move', () =>
    spec(member).given([]).when(transfer('org-2', 'unit-2')).thenFails('not-found'));
});
