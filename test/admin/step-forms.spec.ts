import { describe, expect, test } from '@jest/globals';
import { STEP_FORMS, withoutEmpty } from '../../admin/src/development/stepForms.js';
import { en } from '../../admin/src/development/messages.en.js';
import { zh } from '../../admin/src/development/messages.zh.js';
import { assignToBranchAndGroupBody } from '../../src/development/commands/assign-to-branch-and-group.js';
import { holdAdmissionVoteBody } from '../../src/development/commands/hold-admission-vote.js';

/**
 * Step 19's dialog (编入党支部和党小组): an optional organisation picker. What the dialog sends is
 * `withoutEmpty(values)`, checked here against the API's own body schema.
 */
describe('admin: step 19 may name another branch', () => {
  const orgField = STEP_FORMS.assigned.find((field) => field.source === 'orgId');
  const otherBranch = '0b6f1c2e-6d7a-4c39-9f1e-5c2b8a7d4e10';

  test('the form has an optional organisation input, labelled and explained in both languages', () => {
    expect(orgField).toMatchObject({ kind: 'organization', optional: true });
    for (const messages of [zh, en]) {
      const development = messages.resources.development as Record<string, unknown>;
      const fields = development.fields as Record<string, unknown>;
      expect(fields[orgField!.label!]).toEqual(expect.any(String));
      expect(development[orgField!.helper!]).toEqual(expect.any(String));
    }
  });

  test('left empty, no orgId is sent (the admitting branch); picked, it is sent as the API wants it', () => {
    for (const empty of [null, '', undefined]) {
      const body = withoutEmpty({ on: '2025-07-12', partyGroup: '第一党小组', orgId: empty, records: [] });
      expect(body).not.toHaveProperty('orgId');
      expect(assignToBranchAndGroupBody.parse(body)).not.toHaveProperty('orgId');
    }
    const body = withoutEmpty({ on: '2025-07-12', partyGroup: '第一党小组', orgId: otherBranch });
    expect(body).toEqual({ on: '2025-07-12', partyGroup: '第一党小组', orgId: otherBranch });
    expect(assignToBranchAndGroupBody.parse(body)).toMatchObject({ orgId: otherBranch });
  });

  test('records inside the body are cleaned the same way', () => {
    expect(withoutEmpty({ on: '2025-07-12', records: [{ title: '党员名册', reference: '', on: null }] })).toEqual({
      on: '2025-07-12',
      records: [{ title: '党员名册' }],
    });
  });
});

/**
 * Steps 15 and 23: the probationary members who attended the branch general meeting are counted apart
 * from the voting members present (issue 9), labelled and explained in both languages, and what the dialog
 * sends is what the API's body schema takes.
 */
describe('admin: the meetings count probationary members apart', () => {
  const at = (messages: Record<string, unknown>, path: string) =>
    path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], messages);

  test.each(['admissionVote', 'conversionMeeting'])('%s asks for votes.probationaryPresent', (step) => {
    const field = STEP_FORMS[step].find((f) => f.source === 'votes.probationaryPresent');
    expect(field).toMatchObject({ kind: 'number' });
    expect(field!.optional).toBeFalsy();
    const present = STEP_FORMS[step].find((f) => f.source === 'votes.present');
    for (const messages of [zh, en]) {
      const development = messages.resources.development as Record<string, unknown>;
      expect(at(development, 'fields.votes.probationaryPresent')).toEqual(expect.any(String));
      expect(development[field!.helper!]).toEqual(expect.any(String));
      expect(development[present!.helper!]).toEqual(expect.any(String));
    }
  });

  test('the vote the dialog sends is the body the API takes, probationers included', () => {
    const body = withoutEmpty({
      on: '2025-06-16',
      votes: {
        entitled: 4,
        present: 3,
        writtenOpinions: null,
        probationaryPresent: 1,
        inFavour: 3,
        against: 0,
        abstain: 0,
      },
      resolution: 'admit',
    });
    expect(holdAdmissionVoteBody.parse(body).votes).toMatchObject({ present: 3, probationaryPresent: 1 });
  });
});
