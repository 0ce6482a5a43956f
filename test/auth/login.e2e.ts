import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';

describe('sign-in, sign-out and account changes (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const createUser = async (username: string, role = 'bureau_staff') => {
    const response = await t.request('POST', '/users', {
      username,
      displayName: '张老师',
      password: USER_PASSWORD,
      role,
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  test('a user registered through commands signs in; the events carry the actor and no password', async () => {
    await createUser('zhang');
    const login = await t.requestAs(null, 'POST', '/auth/login', { username: 'Zhang', password: USER_PASSWORD });
    expect(login.status).toBe(201);
    expect(login.body.user).toMatchObject({
      id: 'zhang',
      displayName: '张老师',
      roles: [{ role: 'bureau_staff', orgIds: [], unitIds: [] }],
      status: 'active',
    });
    expect(JSON.stringify(login.body)).not.toContain('argon2');
    const me = await t.requestAs(login.body.token, 'GET', '/auth/me');
    expect(me.body.id).toBe('zhang');

    const events = await t.app.get<EventStore>(EVENT_STORE).readStream('user-zhang');
    expect(events.map((e) => e.type)).toEqual(['UserRegistered', 'RoleGranted']);
    expect(events[0].metadata).toMatchObject({ actorId: 'admin', actorRole: 'bureau_admin' });
    expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(USER_PASSWORD);
    expect((events[0].data as { passwordHash: string }).passwordHash).toMatch(/^\$argon2id\$/);
  });

  test('wrong passwords: 401 each time, then the account is locked (429) even for the right password', async () => {
    await createUser('lisi');
    for (let i = 0; i < 5; i++) {
      const wrong = await t.requestAs(null, 'POST', '/auth/login', { username: 'lisi', password: 'wrong-password-1' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('auth.invalid-credentials');
    }
    const locked = await t.requestAs(null, 'POST', '/auth/login', { username: 'lisi', password: USER_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'auth.locked' });
    expect(locked.body.messages.zh).toContain('分钟后再试');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  test('unknown users get the same 401 as wrong passwords', async () => {
    const response = await t.requestAs(null, 'POST', '/auth/login', { username: 'nobody', password: USER_PASSWORD });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.invalid-credentials');
  });

  test('logout ends the token; disabling a user ends all of theirs; revoking a role takes effect at once', async () => {
    await createUser('wang');
    const first = await t.login('wang', USER_PASSWORD);
    const second = await t.login('wang', USER_PASSWORD);
    expect((await t.requestAs(first, 'POST', '/auth/logout')).status).toBe(201);
    expect((await t.requestAs(first, 'GET', '/auth/me')).status).toBe(401);
    expect((await t.requestAs(second, 'GET', '/units')).status).toBe(200);

    expect((await t.request('POST', '/users/wang/grant-role', { role: 'auditor' })).status).toBe(201);
    expect((await t.request('POST', '/users/wang/revoke-role', { role: 'bureau_staff' })).status).toBe(201);
    const asAuditor = await t.requestAs(second, 'POST', '/units', { name: '雏鹰学校', type: 'private_school' });
    expect(asAuditor.status).toBe(403);
    expect(asAuditor.body.code).toBe('access.denied');

    expect((await t.request('POST', '/users/wang/disable')).status).toBe(201);
    expect((await t.requestAs(second, 'GET', '/units')).status).toBe(401);
    expect((await t.requestAs(null, 'POST', '/auth/login', { username: 'wang', password: USER_PASSWORD })).status).toBe(
      401,
    );
  });

  test('tokens from before a disable stay dead once the user is enabled again; so do those before a reset', async () => {
    await createUser('feng');
    const before = await t.login('feng', USER_PASSWORD);
    expect((await t.request('POST', '/users/feng/disable')).status).toBe(201);
    expect((await t.request('POST', '/users/feng/enable')).status).toBe(201);
    const stale = await t.requestAs(before, 'GET', '/auth/me');
    expect([stale.status, stale.body.code]).toEqual([401, 'auth.invalid-token']);
    const after = await t.login('feng', USER_PASSWORD);
    expect((await t.requestAs(after, 'GET', '/auth/me')).status).toBe(200);

    // An administrator's reset ends every session (the password may have leaked); the user's own
    // change keeps the session it was made from.
    expect((await t.request('POST', '/users/feng/reset-password', { password: 'reset-pass-2027' })).status).toBe(201);
    expect((await t.requestAs(after, 'GET', '/auth/me')).status).toBe(401);
    const fresh = await t.login('feng', 'reset-pass-2027');
    const changed = await t.requestAs(fresh, 'POST', '/auth/password', {
      currentPassword: 'reset-pass-2027',
      newPassword: 'own-pass-2028',
    });
    expect(changed.status).toBe(201);
    expect((await t.requestAs(fresh, 'GET', '/auth/me')).status).toBe(200);
  });

  test('changing one’s own password needs the current one; the new one must be strong enough', async () => {
    await createUser('zhao');
    const token = await t.login('zhao', USER_PASSWORD);
    const wrong = await t.requestAs(token, 'POST', '/auth/password', {
      currentPassword: 'nope-1234',
      newPassword: 'new-pass-2027',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.field).toBe('currentPassword');
    const weak = await t.requestAs(token, 'POST', '/auth/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.fieldMessages.newPassword.zh).toContain('至少 8 个字符');
    expect(
      (
        await t.requestAs(token, 'POST', '/auth/password', {
          currentPassword: USER_PASSWORD,
          newPassword: 'new-pass-2027',
        })
      ).status,
    ).toBe(201);
    await expect(t.login('zhao', 'new-pass-2027')).resolves.toEqual(expect.any(String));
  });

  test('user rules: unique usernames, scopes required for scoped roles, no self-disable', async () => {
    await createUser('qian');
    const duplicate = await t.request('POST', '/users', {
      username: 'qian',
      displayName: '钱',
      password: USER_PASSWORD,
      role: 'auditor',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('user.username-taken');
    const unscoped = await t.request('POST', '/users', {
      username: 'sun',
      displayName: '孙',
      password: USER_PASSWORD,
      role: 'secretary',
    });
    expect(unscoped.status).toBe(422);
    expect(unscoped.body).toMatchObject({ code: 'role.scope-required', field: 'orgIds' });
    expect((await t.request('POST', '/users/admin/disable')).body.code).toBe('user.disable-self');
    expect((await t.request('POST', '/users/admin/revoke-role', { role: 'bureau_admin' })).body.code).toBe(
      'role.own-admin',
    );
  });

  test('a scoped instructor sees only its units', async () => {
    const mine = (await t.request('POST', '/units', { name: '梦圆学校', type: 'private_school' })).body.id;
    const other = (await t.request('POST', '/units', { name: '丰阳学校', type: 'private_school' })).body.id;
    const token = await t.userWithRole('instructor', { unitIds: [mine] });
    const list = await t.requestAs(token, 'GET', '/units');
    expect(list.body.map((u: { id: string }) => u.id)).toEqual([mine]);
    expect((await t.requestAs(token, 'GET', `/units/${mine}`)).status).toBe(200);
    const outside = await t.requestAs(token, 'GET', `/units/${other}`);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('access.out-of-scope');
  });
});
