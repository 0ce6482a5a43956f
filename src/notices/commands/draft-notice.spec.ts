import { describe, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import { notice } from '../notice.js';
import { draftNotice, editNotice } from './draft-notice.js';
import { approved, as, content, drafted, NOTICE_ID, submitted, UNIT_A, UNIT_B, UNIT_C } from './fixtures.js';

const known = [UNIT_A, UNIT_B, UNIT_C];

describe('drafting a criticism notice', () => {
  test('a draft names the criticised units and the facts, and who drafted it', () => {
    spec(notice)
      .given([])
      .when((s) => draftNotice(as('DraftNotice', { ...content, knownUnitIds: known }), s))
      .then([{ type: 'NoticeDrafted', data: { noticeId: NOTICE_ID, draftedBy: 'staff-1', ...content } }]);
  });

  test('an unknown unit, or a fact about a unit not criticised, is refused', () => {
    spec(notice)
      .given([])
      .when((s) => draftNotice(as('DraftNotice', { ...content, knownUnitIds: [UNIT_A] }), s))
      .thenFails('notices.unknown-unit', 'unitIds');
    spec(notice)
      .given([])
      .when((s) =>
        draftNotice(
          as('DraftNotice', {
            ...content,
            facts: [{ kind: 'note', unitId: UNIT_C, ref: null, eventId: null, text: '另一单位' }],
            knownUnitIds: known,
          }),
          s,
        ),
      )
      .thenFails('notices.fact-of-other-unit', 'facts.0.unitId');
  });

  test('a draft is edited until submitted; after that the edit is a wrong step', () => {
    spec(notice)
      .given([drafted])
      .when((s) => editNotice(as('EditNotice', { ...content, title: '新标题', knownUnitIds: known }), s))
      .then([{ type: 'NoticeEdited', data: { noticeId: NOTICE_ID, ...content, title: '新标题' } }]);
    spec(notice)
      .given([drafted, submitted, approved])
      .when((s) => editNotice(as('EditNotice', { ...content, knownUnitIds: known }), s))
      .thenFails('notices.wrong-status');
  });
});
