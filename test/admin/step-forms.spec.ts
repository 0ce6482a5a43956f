import { describe, expect, test } from '@jest/globals';
import { STEP_FORMS, withoutEmpty } from '../../admin/src/development/stepForms.js';
import { en } from '../../admin/src/i18n/en.js';
import { zh } from '../../admin/src/i18n/zh.js';
import { assignToBranchAndGroupBody } from '../../src/membership/commands/assign-to-branch-and-group.js';

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
