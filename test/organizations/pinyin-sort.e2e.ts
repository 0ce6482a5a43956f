import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * Issue 9 item 1: every list sortable by a name sorts it as Chinese users expect (pinyin, as
 * Intl.Collator('zh-CN') orders), not by code point, which put 中共蒲城县教育局委员会 second.
 */
const pinyin = new Intl.Collator('zh-CN').compare;
const names = (rows: Record<string, string>[], field = 'name') => rows.map((row) => row[field]);

describe('lists sort names by pinyin (e2e)', () => {
  let t: TestApp;
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body as { id: string };
  };
  const list = async (path: string, sort: [string, 'ASC' | 'DESC'], filter: object = {}) => {
    const query = `sort=${encodeURIComponent(JSON.stringify(sort))}&range=[0,99]&filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const response = await t.request('GET', `${path}?${query}`);
    expect(response.status).toBe(200);
    return response.body as Record<string, string>[];
  };
  const expectPinyin = (found: string[]) => {
    expect(found.length).toBeGreaterThan(2);
    expect(found).toEqual([...found].sort(pinyin));
    expect(found).not.toEqual([...found].sort()); // code point order is not it
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock('2026-11-20T02:00:00Z') });
    const roster = await seedSchoolBranch(post, { school: '党睦镇中心小学' });
    const other = (await post('/units', { name: '东槐院小学', type: 'public_school' })).id;
    await post('/units', { name: '中山幼儿园', type: 'private_kindergarten' });
    await post('/units', { name: '安乐学校', type: 'private_school' });
    await post('/party-organizations', {
      name: '东槐院小学党支部',
      kind: 'party_branch',
      parentId: roster.bureau,
      unitIds: [other],
      foundedOn: '2012-03-01',
    });
    const [zhang, an, deng] = await enrolMembers(post, { orgId: roster.branch, unitId: roster.unit }, [
      { name: '张伟' },
      { name: '安娜' },
      { name: '邓丽' },
      { name: '白雪' },
    ]);
    for (const [memberId, title] of [
      [zhang, 'branch_secretary'],
      [an, 'deputy_secretary'],
      [deng, 'org_committee_member'],
    ])
      await post(`/party-organizations/${roster.branch}/positions`, { memberId, title, from: '2026-01-05' });
    for (const name of ['周明', '艾琳', '邓超'])
      await post('/development/cases', {
        name,
        gender: 'female',
        birthDate: '1995-05-01',
        orgId: roster.branch,
        unitId: roster.unit,
        on: '2026-11-02',
      });
    for (const [username, displayName] of [
      ['zhou-staff', '周书记'],
      ['an-staff', '安干事'],
      ['bai-staff', '白审计'],
    ])
      await post('/users', { username, displayName, password: 'user-pass-2026', role: 'bureau_staff' });
  }, 60_000);
  afterAll(async () => t.close());

  test('units and Party organisations: 中共蒲城县教育局委员会 comes last (zhōng), not second', async () => {
    expectPinyin(names(await list('/units', ['name', 'ASC'])));
    const orgs = names(await list('/party-organizations', ['name', 'ASC']));
    expectPinyin(orgs);
    expect(orgs.at(-1)).toBe('中共蒲城县教育局委员会');
    expect(names(await list('/party-organizations', ['name', 'DESC']))[0]).toBe('中共蒲城县教育局委员会');
  });

  test('members by name, and by their unit’s name', async () => {
    expectPinyin(names(await list('/members', ['name', 'ASC'])));
    const rows = await list('/members', ['unitName', 'ASC']);
    expect(names(rows, 'unitName')).toEqual([...names(rows, 'unitName')].sort(pinyin));
  });

  test('post holders by name, development cases by name, users by display name', async () => {
    expectPinyin(names(await list('/positions', ['memberName', 'ASC']), 'memberName'));
    expectPinyin(names(await list('/development/cases', ['name', 'ASC'])));
    expectPinyin(names(await list('/users', ['displayName', 'ASC'], { role: 'bureau_staff' }), 'displayName'));
  });
});
