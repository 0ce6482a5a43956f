import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';

/** Names of units, organisations and members: one text rule, and no two units or organisations alike. Past-fact dates. */
describe('roster names and dates of past facts (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  // 2026-11-23 10:00 in Shanghai: "today" is 2026-11-23 there, the 24th is the future.
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const created = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body.code]).toEqual([201, undefined]);
    return response.body.id as string;
  };
  /** A refused request: its status, code and field, and nothing appended. */
  const refused = async (path: string, body: unknown) => {
    const head = await store.headPosition();
    const response = await t.request('POST', path, body);
    expect(await store.headPosition()).toBe(head);
    return { status: response.status, code: response.body.code, field: response.body.field, body: response.body };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get(EVENT_STORE);
    ids.unit = await created('/units', { name: '  城关小学\u3000', type: 'public_school' });
    ids.bureau = await created('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    ids.branch = await created('/party-organizations', {
      name: '城关小学党支部',
      kind: 'party_branch',
      parentId: ids.bureau,
      unitIds: [ids.unit],
      foundedOn: '2012-03-01',
    });
    ids.member = await created('/members', {
      name: '王芳',
      gender: 'female',
      birthDate: '1985-01-01',
      orgId: ids.branch,
      unitId: ids.unit,
      category: 'full',
      joinedOn: '2010-07-01',
    });
  });
  afterAll(async () => t.close());

  test('names are trimmed; control and bidi characters are refused in unit, organisation and member names and posts', async () => {
    expect((await t.request('GET', `/units/${ids.unit}`)).body.name).toBe('城关小学');
    for (const name of ['城南\u202E学校', '\u2066城南学校\u2069', '城南\u200B学校', '城南\n学校', '城南\u0007学校'])
      expect(await refused('/units', { name, type: 'public_school' })).toMatchObject({ status: 400, field: 'name' });
    expect(
      await refused('/party-organizations', {
        name: '城南\u202D党支部',
        kind: 'party_branch',
        parentId: ids.bureau,
        foundedOn: '2012-03-01',
      }),
    ).toMatchObject({ status: 400, field: 'name' });
    const member = { gender: 'male', orgId: ids.branch, unitId: ids.unit, category: 'full' };
    expect(await refused('/members', { ...member, name: '李\u202E四' })).toMatchObject({ status: 400, field: 'name' });
    expect(await refused('/members', { ...member, name: '李四', post: '教师\r\n校长' })).toMatchObject({
      status: 400,
      field: 'post',
    });
  });

  test('a second unit of the same name is a 409 naming the first, also after a rename or in another case or width', async () => {
    const again = await refused('/units', { name: '城关小学 ', type: 'private_school' });
    expect(again).toMatchObject({ status: 409, code: 'unit.name-taken', field: 'name' });
    expect(again.body.existing).toEqual({ id: ids.unit, name: '城关小学' });
    expect(again.body.messages.zh).toContain(ids.unit);
    const latin = await created('/units', { name: 'ABC 培训学校', type: 'offcampus_training_institution' });
    expect(await refused('/units', { name: 'ＡＢＣ  培训学校', type: 'public_school' })).toMatchObject({
      status: 409,
      code: 'unit.name-taken',
      body: { existing: { id: latin } },
    });
    // Renamed away, the old name is free; renamed onto a taken name, a 409.
    expect((await t.request('POST', `/units/${latin}/rename`, { name: '启明培训学校' })).status).toBe(201);
    await created('/units', { name: 'ABC 培训学校', type: 'offcampus_training_institution' });
    expect(await refused(`/units/${latin}/rename`, { name: '城关小学' })).toMatchObject({
      status: 409,
      code: 'unit.name-taken',
    });
  });

  test('two concurrent registrations of one new name: exactly one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => t.request('POST', '/units', { name: '新城学校', type: 'public_school' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    const units = await t.request('GET', `/units?filter=${encodeURIComponent('{"q":"新城学校"}')}`);
    expect(units.body).toHaveLength(1);
  });

  test('a second Party organisation of the same name is a 409 naming the first', async () => {
    const again = await refused('/party-organizations', {
      name: '城关小学党支部',
      kind: 'party_branch',
      parentId: ids.bureau,
      foundedOn: '2012-03-01',
    });
    expect(again).toMatchObject({ status: 409, code: 'org.name-taken', body: { existing: { id: ids.branch } } });
  });

  test('dates of past facts after today (Asia/Shanghai) are refused, today is accepted', async () => {
    const future = '2026-11-24';
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        '/party-organizations',
        { name: '未来党支部', kind: 'party_branch', parentId: ids.bureau, foundedOn: future },
        'org.date-in-future',
        'foundedOn',
      ],
      [`/party-organizations/${ids.branch}/elect-committee`, { termStart: future }, 'org.date-in-future', 'termStart'],
      [
        `/party-organizations/${ids.branch}/positions`,
        { memberId: ids.member, title: 'branch_secretary', from: '2031-01-01' },
        'position.date-in-future',
        'from',
      ],
      [`/members/${ids.member}/remove`, { reason: 'deceased', on: future }, 'member.date-in-future', 'on'],
      [
        `/members/${ids.member}/transfer`,
        { toOrgId: ids.bureau, toUnitId: ids.unit, on: future },
        'member.date-in-future',
        'on',
      ],
      [`/units/${ids.unit}/affiliation`, { hostOrgId: ids.bureau, on: future }, 'unit.date-in-future', 'on'],
    ];
    for (const [path, body, code, field] of cases)
      expect({ path, ...(await refused(path, body)), body: undefined }).toEqual({
        path,
        status: 422,
        code,
        field,
        body: undefined,
      });
    const refusal = await t.request('POST', `/members/${ids.member}/remove`, { reason: 'deceased', on: future });
    expect(refusal.body.messages).toEqual({ zh: '日期晚于今天', en: 'The date is in the future' });

    // Today is not the future: the post is held from today, then ended today.
    const today = '2026-11-23';
    const position = await created(`/party-organizations/${ids.branch}/positions`, {
      memberId: ids.member,
      title: 'branch_secretary',
      from: today,
    });
    expect(await refused(`/party-organizations/${ids.branch}/positions/${position}/end`, { to: future })).toMatchObject(
      { status: 422, code: 'position.date-in-future', field: 'to' },
    );
    expect(
      (await t.request('POST', `/party-organizations/${ids.branch}/positions/${position}/end`, { to: today })).status,
    ).toBe(201);
  });
});
