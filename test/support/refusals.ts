import { expect } from '@jest/globals';
import type { EventStore } from '../../src/core/event-store/event-store.js';
import { USER_PASSWORD, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';

/**
 * The request is refused with `status` and `code` (naming `field` when given: the error's own field, the
 * first of its field messages, or of its errors), with a message in Chinese and in English, and the store's
 * head did not move: nothing was written. Answers the refusal, for further checks.
 */
export const refusedWithoutWriting = async (
  store: EventStore,
  request: Promise<TestResponse>,
  status: number,
  code: string,
  field?: string,
): Promise<TestResponse> => {
  const before = await store.headPosition();
  const answer = await request;
  expect([answer.status, answer.body.code]).toEqual([status, code]);
  expect(answer.body.messages).toEqual({ zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) });
  if (field)
    expect(answer.body.field ?? Object.keys(answer.body.fieldMessages ?? {})[0] ?? answer.body.errors?.[0]?.field).toBe(
      field,
    );
  expect(await store.headPosition()).toBe(before);
  return answer;
};

/** Creates a user with `role` (and its organisations or units) and signs them in: their token. */
export const signedInUser = async (
  t: TestApp,
  username: string,
  role: string,
  scope: { orgIds?: string[]; unitIds?: string[] } = {},
): Promise<string> => {
  const created = await t.request('POST', '/users', {
    username,
    displayName: `${username} 名`,
    password: USER_PASSWORD,
    role,
    ...scope,
  });
  expect(created.status).toBe(201);
  return t.login(username, USER_PASSWORD);
};
