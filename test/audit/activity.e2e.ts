import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { seedSchoolBranch } from '../support/roster.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;

/**
 * GET /api/activity as an auditor reads it: who (display name), what (the event's data, no secrets),
 * about whom and in which unit (names, kept by the audit's own projection of the naming events), and
 * the business and record date filters.
 */
describe('activity log: names, data and date filters (e2e)', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let t: TestApp;
  let ids: { unit: string; bureau: string; branch: string };
  let personId = '';

  beforeAll(async () => {
    t = await startTestApp({ clock });
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect(response.status).toBe(201);
      return response.body as { id: string };
    };
    ids = await seedSchoolBranch(post);
    await post('/users', {
      username: 'staff-wang',
      displayName: '王文书',
      password: USER_PASSWORD,
      role: 'bureau_staff',
    });
    const staff = await t.login('staff-wang', USER_PASSWORD);
    const applied = await t.requestAs(staff, 'POST', '/development/cases', {
      name: '周小燕',
      gender: 'female',
      birthDate: '1995-05-06',
      orgId: ids.branch,
      unitId: ids.unit,
      on: '2026-02-03',
    });
    expect(applied.status).toBe(201);
    personId = applied.body.id;
  });
  afterAll(async () => t.close());

  test('each line names its actor, subject, units and the ids in its data; secrets stay out', async () => {
    const { body } = await t.request('GET', `/activity?${filter({ type: 'ApplicationSubmitted' })}`);
    expect(body).toHaveLength(1);
    const [line] = body;
    expect(line).toMatchObject({
      type: 'ApplicationSubmitted',
      actorId: 'staff-wang',
      actorName: '王文书',
      actorRole: 'bureau_staff',
      subject: { kind: 'person', id: personId },
      unitIds: [ids.unit],
      data: { name: '周小燕', gender: 'female', on: '2026-02-03', orgId: ids.branch, unitId: ids.unit },
    });
    expect(line.names).toEqual({
      'user:staff-wang': '王文书',
      [`person:${personId}`]: '周小燕',
      [`unit:${ids.unit}`]: '桥山中学',
      [`organization:${ids.branch}`]: '桥山中学党支部',
    });
    const users = (await t.request('GET', `/activity?${filter({ type: 'UserRegistered' })}`)).body;
    expect(users.map((u: { data: object }) => u.data)).toEqual([
      { userId: 'staff-wang', username: 'staff-wang', displayName: '王文书' },
      expect.objectContaining({ userId: 'admin' }),
    ]);
    expect(JSON.stringify(users)).not.toContain('passwordHash');
    expect(JSON.stringify(users)).not.toContain('argon2');
    // The dashboard's recent activity is the same lines.
    const recent = (await t.request('GET', '/dashboard')).body.recent;
    expect(recent[0]).toMatchObject({ type: 'ApplicationSubmitted', actorName: '王文书' });
    expect(recent[0].names[`unit:${ids.unit}`]).toBe('桥山中学');
    expect(UUID.test(recent[0].names[`person:${personId}`])).toBe(false);
  });

  test('from/to narrow by the business date, recordedFrom/recordedTo by the record date, both ends included', async () => {
    const count = async (value: object) => {
      const response = await t.request('GET', `/activity?${filter(value)}`);
      expect(response.status).toBe(200);
      return (response.body as { type: string }[]).map((line) => line.type);
    };
    const all = await count({});
    expect(all.length).toBeGreaterThan(3);
    expect(await count({ from: '2026-02-03', to: '2026-02-03' })).toEqual(['ApplicationSubmitted']);
    expect(await count({ from: '2026-02-04' })).not.toContain('ApplicationSubmitted');
    expect(await count({ to: '2026-02-02' })).not.toContain('ApplicationSubmitted');
    // Everything was recorded on 2026-03-10 (the clock's day in Shanghai).
    expect(await count({ recordedFrom: '2026-03-10', recordedTo: '2026-03-10' })).toHaveLength(all.length);
    expect(await count({ recordedTo: '2026-03-09' })).toEqual([]);
  });

  test('a date filter that is not a date is a 400 naming it', async () => {
    const response = await t.request('GET', `/activity?${filter({ from: '2026-02-30' })}`);
    expect([response.status, response.body.field]).toEqual([400, 'filter.from']);
    expect(response.body.messages.zh).toContain('日期');
  });
});
