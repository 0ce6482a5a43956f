import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { enrolMembers } from '../support/roster.js';

/**
 * One scope for every feature (core/http/scope.ts, resolved once per request from the organisation tree):
 * a general branch's (党总支) secretary sees and manages the members, posts and development cases of its
 * branches and of the branches under them; a branch's secretary sees nothing of a sibling branch, not even
 * one covering the same school.
 */
describe('a general branch’s secretary reaches its branches; a branch’s secretary not its sibling (e2e)', () => {
  const clock = new ManualClock('2025-04-10T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body as { id: string };
  };
  const org = async (name: string, kind: string, parentId: string | null, unitIds: string[]) =>
    (await post('/party-organizations', { name, kind, parentId, unitIds, foundedOn: '2015-07-01' })).id;
  const apply = async (name: string, orgId: string, unitId: string) =>
    (
      await post('/development/cases', {
        name,
        gender: 'male',
        birthDate: '1998-05-04',
        orgId,
        unitId,
        on: '2025-03-01',
      })
    ).id;
  const get = (who: string, path: string) => t.requestAs(tokens[who], 'GET', path);
  const namesIn = async (who: string, path: string) =>
    ((await get(who, `${path}${path.includes('?') ? '&' : '?'}range=[0,99]`)).body as { name: string }[])
      .map((row) => row.name)
      .sort();
  const refusedWithoutEffect = async (response: Promise<TestResponse>) => {
    const before = await store.headPosition();
    const refused = await response;
    expect([refused.status, refused.body.code]).toEqual([403, 'access.out-of-scope']);
    expect(await store.headPosition()).toBe(before);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    ids.school = (await post('/units', { name: '桥山中学', type: 'public_school' })).id;
    ids.junior = (await post('/units', { name: '桥山中学初中部', type: 'public_school' })).id;
    ids.other = (await post('/units', { name: '东槐院小学', type: 'public_school' })).id;
    ids.bureau = await org('中共蒲城县教育局委员会', 'basic_party_committee', null, []);
    ids.general = await org('桥山中学党总支', 'general_branch', ids.bureau, [ids.school]);
    // Two sibling branches covering the same school, and a branch under the first (any depth).
    ids.first = await org('桥山中学第一党支部', 'party_branch', ids.general, [ids.school]);
    ids.second = await org('桥山中学第二党支部', 'party_branch', ids.general, [ids.school]);
    ids.firstJunior = await org('桥山中学第一党支部初中部党支部', 'party_branch', ids.first, [ids.junior]);
    ids.elsewhere = await org('东槐院小学党支部', 'party_branch', ids.bureau, [ids.other]);

    [ids.wang] = await enrolMembers(post, { orgId: ids.first, unitId: ids.school }, [{ name: '王芳' }]);
    [ids.zhao] = await enrolMembers(post, { orgId: ids.second, unitId: ids.school }, [{ name: '赵强' }]);
    [ids.sun] = await enrolMembers(post, { orgId: ids.firstJunior, unitId: ids.junior }, [{ name: '孙丽' }]);
    [ids.zhou] = await enrolMembers(post, { orgId: ids.general, unitId: ids.school }, [{ name: '周杰' }]);
    [ids.qian] = await enrolMembers(post, { orgId: ids.elsewhere, unitId: ids.other }, [{ name: '钱芳' }]);
    ids.secondPost = (
      await post(`/party-organizations/${ids.second}/positions`, {
        memberId: ids.zhao,
        title: 'branch_secretary',
        from: '2024-09-01',
      })
    ).id;

    ids.caseFirst = await apply('李明', ids.first, ids.school);
    ids.caseSecond = await apply('陈刚', ids.second, ids.school);
    ids.caseJunior = await apply('刘洋', ids.firstJunior, ids.junior);
    ids.caseElsewhere = await apply('杨帆', ids.elsewhere, ids.other);

    tokens.general = await t.userWithRole('secretary', { orgIds: [ids.general] });
    tokens.first = await t.userWithRole('secretary', { orgIds: [ids.first] });
  });
  afterAll(async () => t.close());

  test('the general branch’s secretary sees every branch under it: organisations, units, members, posts', async () => {
    expect(await namesIn('general', '/party-organizations')).toEqual(
      ['桥山中学党总支', '桥山中学第一党支部', '桥山中学第二党支部', '桥山中学第一党支部初中部党支部'].sort(),
    );
    expect(await namesIn('general', '/units')).toEqual(['桥山中学', '桥山中学初中部'].sort());
    expect(await namesIn('general', '/members')).toEqual(['王芳', '赵强', '孙丽', '周杰'].sort());
    expect((await get('general', `/members/${ids.sun}`)).status).toBe(200);
    expect((await get('general', `/members/${ids.qian}`)).status).toBe(403);
    expect((await get('general', '/positions')).body).toEqual([expect.objectContaining({ id: ids.secondPost })]);
    const dashboard = (await get('general', '/dashboard')).body as { tiles: { key: string; value: number }[] };
    expect(dashboard.tiles.find((tile) => tile.key === 'units')?.value).toBe(2);
  });

  test('… and manages them: enrols, appoints, opens and advances development cases in its branches', async () => {
    const enrolled = await t.requestAs(tokens.general, 'POST', '/members', {
      name: '吴敏',
      gender: 'female',
      orgId: ids.firstJunior,
      unitId: ids.junior,
      category: 'full',
      teaches: true,
    });
    expect(enrolled.status).toBe(201);
    const appointed = await t.requestAs(tokens.general, 'POST', `/party-organizations/${ids.firstJunior}/positions`, {
      memberId: ids.sun,
      title: 'branch_secretary',
      from: '2025-01-01',
    });
    expect(appointed.status).toBe(201);
    const talk = await t.requestAs(tokens.general, 'POST', `/development/cases/${ids.caseJunior}/talk`, {
      on: '2025-03-20',
      talkedBy: '周杰',
      summary: '谈话了解入党动机',
    });
    expect(talk.status).toBe(201);
    const opened = await t.requestAs(tokens.general, 'POST', '/development/cases', {
      name: '郑爽',
      gender: 'female',
      birthDate: '1999-01-02',
      orgId: ids.second,
      unitId: ids.school,
      on: '2025-04-01',
    });
    expect(opened.status).toBe(201);
    expect(await namesIn('general', '/development/cases')).toEqual(['李明', '陈刚', '刘洋', '郑爽'].sort());
    const board = (await get('general', '/development/pipeline')).body as { orgId: string }[];
    expect(board.map((row) => row.orgId).sort()).toEqual([ids.first, ids.second, ids.firstJunior].sort());
    const obligations = (await get('general', '/development/obligations?range=[0,99]')).body as { caseId: string }[];
    expect(obligations.length).toBeGreaterThan(0);
    expect(obligations.map((o) => o.caseId)).not.toContain(ids.caseElsewhere);
  });

  test('a branch’s secretary sees its branch and the one under it, nothing of its sibling at the same school', async () => {
    expect(await namesIn('first', '/party-organizations')).toEqual(
      ['桥山中学第一党支部', '桥山中学第一党支部初中部党支部'].sort(),
    );
    expect((await get('first', `/party-organizations/${ids.second}`)).status).toBe(403);
    expect((await get('first', `/party-organizations/${ids.general}`)).status).toBe(403);
    const members = await namesIn('first', '/members');
    expect(members).toEqual(expect.arrayContaining(['王芳', '孙丽']));
    expect(members).not.toContain('赵强');
    expect(members).not.toContain('周杰');
    expect((await get('first', `/members/${ids.zhao}`)).body.code).toBe('access.out-of-scope');
    expect((await get('first', '/positions')).body.map((p: { orgId: string }) => p.orgId)).not.toContain(ids.second);
    expect((await get('first', `/positions/${ids.secondPost}`)).status).toBe(403);

    const cases = await namesIn('first', '/development/cases');
    expect(cases).toEqual(['李明', '刘洋'].sort());
    expect((await get('first', `/development/cases/${ids.caseSecond}`)).status).toBe(403);
    const board = (await get('first', '/development/pipeline')).body as { orgId: string }[];
    expect(board.map((row) => row.orgId)).not.toContain(ids.second);
    const obligations = (await get('first', '/development/obligations?range=[0,99]')).body as { caseId: string }[];
    expect(obligations.map((o) => o.caseId)).not.toContain(ids.caseSecond);
  });

  test('… and changes nothing there: no enrolment, post or step in the sibling, and nothing stored', async () => {
    await refusedWithoutEffect(
      t.requestAs(tokens.first, 'POST', '/members', {
        name: '外人',
        gender: 'male',
        orgId: ids.second,
        unitId: ids.school,
        category: 'full',
        teaches: false,
      }),
    );
    await refusedWithoutEffect(
      t.requestAs(tokens.first, 'POST', `/party-organizations/${ids.second}/positions`, {
        memberId: ids.zhao,
        title: 'deputy_secretary',
        from: '2025-01-01',
      }),
    );
    await refusedWithoutEffect(
      t.requestAs(tokens.first, 'POST', `/development/cases/${ids.caseSecond}/talk`, {
        on: '2025-03-20',
        talkedBy: '王芳',
        summary: '谈话',
      }),
    );
    await refusedWithoutEffect(
      t.requestAs(tokens.first, 'POST', `/members/${ids.zhao}/remove`, { reason: 'other', on: '2025-04-01' }),
    );
  });
});
