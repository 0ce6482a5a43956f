import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { ATTEMPTS_PER_MINUTE, MAX_FAILURES } from '../../src/auth/login-lockout.js';

/**
 * Someone guessing from one address cannot lock the real user out at another, and the client's
 * address is read through TRUST_PROXY: behind a trusted proxy each client has its own count; with
 * no proxy trusted (the default), an X-Forwarded-For header sent by anyone changes nothing.
 */
describe('sign-in lockout per account and address (e2e)', () => {
  let proxied: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    [proxied, direct] = await Promise.all([startTestApp({ env: { TRUST_PROXY: 'loopback' } }), startTestApp()]);
    for (const t of [proxied, direct])
      expect(
        (
          await t.request('POST', '/users', {
            username: 'lisi',
            displayName: '李四',
            password: USER_PASSWORD,
            role: 'bureau_staff',
          })
        ).status,
      ).toBe(201);
  });
  afterAll(async () => Promise.all([proxied?.close(), direct?.close()]));

  const signIn = (t: TestApp, from: string, password: string, username = 'lisi') =>
    t.request('POST', '/auth/login', { username, password }, { 'x-forwarded-for': from });

  test('five wrong passwords from one client lock the account there, not for the user at another', async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await signIn(proxied, '203.0.113.5', 'wrong-password-1')).status).toBe(401);
    const attacker = await signIn(proxied, '203.0.113.5', USER_PASSWORD);
    expect([attacker.status, attacker.body.code]).toEqual([429, 'auth.locked']);
    const user = await signIn(proxied, '198.51.100.7', USER_PASSWORD);
    expect(user.status).toBe(201);
    expect(user.body.token).toEqual(expect.any(String));
  });

  test('the per-address rate limit counts each client behind the trusted proxy on its own', async () => {
    // Empty credentials are counted before they are refused (400), without the cost of a password check.
    for (let i = 0; i < ATTEMPTS_PER_MINUTE; i++)
      expect((await signIn(proxied, '203.0.113.9', '', '')).body.code).toBe('validation.failed');
    expect((await signIn(proxied, '203.0.113.9', '', '')).body.code).toBe('auth.rate-limited');
    expect((await signIn(proxied, '198.51.100.8', '', '')).body.code).toBe('validation.failed');
  });

  test('with no proxy trusted, a forged X-Forwarded-For does not make a new client', async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await signIn(direct, `203.0.113.${i + 20}`, 'wrong-password-1')).status).toBe(401);
    const locked = await signIn(direct, '198.51.100.7', USER_PASSWORD);
    expect([locked.status, locked.body.code]).toEqual([429, 'auth.locked']);
  });
});
