import { describe, expect, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { pairing, type Pairing } from '../pairing.js';
import type { SupportPairFormed } from '../pairing.events.js';
import { formed } from './pairing.fixtures.js';
import { formSupportPair, giveSupport, looksLikeIdentityNumber, type TeacherFacts } from './support-pairs.js';

const teacher: TeacherFacts = { name: '王芳', unitId: 'u-helper', active: true };
const pairUp =
  (student: string, who: TeacherFacts = teacher) =>
  (state: Pairing) =>
    formSupportPair(
      command(
        'FormSupportPair',
        { pairingId: 'p-1', pairId: 'pair-1', memberId: 'm-1', student, situation: 'left-behind', on: '2025-03-01' },
        testMetadata(),
      ),
      state,
      who,
    );
const paired: SupportPairFormed = {
  type: 'SupportPairFormed',
  data: {
    pairingId: 'p-1',
    pairId: 'pair-1',
    memberId: 'm-1',
    teacherName: '王芳',
    student: '小明（化名）',
    situation: 'left-behind',
    helpedUnitId: 'u-helped',
    on: '2025-03-01',
  },
};
const visit =
  (on: string, pairId = 'pair-1') =>
  (state: Pairing) =>
    giveSupport(
      command('GiveSupport', { pairingId: 'p-1', pairId, supportId: 's-1', kind: 'visit', on }, testMetadata()),
      state,
    );

describe('one-to-one help (帮困)', () => {
  test('a Party-member teacher of the helper school pairs with a student named by pseudonym', () =>
    spec(pairing).given([formed]).when(pairUp('小明（化名）')).then([paired]));
  test('anything like an identity number is refused, in any width or with separators', () => {
    for (const student of ['610526200801011234', '61052620080101123X', '６１０５２６２００８', '139 1234 5678'])
      spec(pairing).given([formed]).when(pairUp(student)).thenFails('pairing.student-identity-number', 'student');
    expect(looksLikeIdentityNumber('LXM')).toBe(false);
    expect(looksLikeIdentityNumber('小明2')).toBe(false);
  });
  test('the teacher must be an active member of the helper school', () => {
    spec(pairing).given([formed]).when(pairUp('LXM', null)).thenFails('pairing.member-not-found', 'memberId');
    spec(pairing)
      .given([formed])
      .when(pairUp('LXM', { ...teacher, unitId: 'u-helped' }))
      .thenFails('pairing.member-not-of-helper-school', 'memberId');
    spec(pairing)
      .given([formed])
      .when(pairUp('LXM', { ...teacher, active: false }))
      .thenFails('pairing.member-not-of-helper-school');
  });
  test('visits are logged for a pair, not before it was formed', () => {
    spec(pairing)
      .given([formed, paired])
      .when(visit('2025-04-02'))
      .then([
        {
          type: 'SupportGiven',
          data: { pairingId: 'p-1', pairId: 'pair-1', supportId: 's-1', kind: 'visit', on: '2025-04-02', note: null },
        },
      ]);
    spec(pairing).given([formed, paired]).when(visit('2025-02-01')).thenFails('pairing.before-pair-formed', 'on');
    spec(pairing).given([formed, paired]).when(visit('2025-04-02', 'pair-x')).thenFails('not-found');
  });
});
