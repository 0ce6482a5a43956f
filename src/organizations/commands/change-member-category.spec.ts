import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { member } from '../member.js';
import type { MemberEnrolled } from '../organizations.events.js';
import { changeMemberCategory } from './change-member-category.js';

const enrolled: MemberEnrolled = {
  type: 'MemberEnrolled',
  data: {
    memberId: 'm-1',
    name: '李明',
    gender: 'male',
    birthDate: '1996-04-01',
    orgId: 'org-1',
    unitId: 'unit-1',
    category: 'probationary',
    joinedOn: '2025-06-16',
    post: null,
    teaches: false,
  },
};
const toFull =
  (on = '2026-06-16') =>
  (state: Parameters<typeof changeMemberCategory>[1]) =>
    changeMemberCategory(
      command('ChangeMemberCategory', { memberId: 'm-1', category: 'full', on }, testMetadata()),
      state,
    );

describe('change a member category', () => {
  test('a probationary member becomes full from the given date', () =>
    spec(member)
      .given([enrolled])
      .when(toFull())
      .then([{ type: 'MemberCategoryChanged', data: { memberId: 'm-1', category: 'full', on: '2026-06-16' } }]));
  test('the same category again is refused', () =>
    spec(member)
      .given([
        enrolled,
        { type: 'MemberCategoryChanged', data: { memberId: 'm-1', category: 'full', on: '2026-06-16' } },
      ])
      .when(toFull())
      .thenFails('member.category-unchanged', 'category'));
  test('a member not on the roster is not found', () => spec(member).given([]).when(toFull()).thenFails('not-found'));
  test('a date after today is refused', () =>
    spec(member).given([enrolled]).when(toFull('2027-01-01')).thenFails('member.date-in-future', 'on'));
});
