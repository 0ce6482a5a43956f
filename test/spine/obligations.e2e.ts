import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

interface Obligation {
  id: string;
  source: string;
  code: string;
  title: { zh: string; en: string };
  subject: { kind: string; id: string; name: string | null };
  unitId: string | null;
  orgId: string | null;
  dueOn: string | null;
  notBefore: string | null;
  who: string;
  overdue: boolean;
}

/**
 * GET /api/obligations: every feature's open obligations in one list (development's A1–A23 from its
 * cases, the roster's B15 committee terms and B18 units that need a branch or committee), soonest first,
 * paged, filtered and scoped like the other lists. What the reminders feature will consume.
 */
describe('obligations of every feature (e2e)', () => {
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  let t: TestApp;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([path, response.status]).toEqual([path, 201]);
    return response.body as { id: string };
  };
  /**
   * The obligations of the two features this test sets up facts for. Later features publish theirs for the
   * same organisations (the evidence feature's C3 stage summaries for the affiliated one…) and test them
   * in their own folders.
   */
  const SOURCES = ['development', 'organizations'];
  const list = async (query: Record<string, unknown> = {}, token?: string) => {
    const filter = { source: SOURCES, ...(query.filter as object | undefined) };
    const search = Object.entries({ range: [0, 99], ...query, filter })
      .map(([key, value]) => `${key}=${encodeURIComponent(JSON.stringify(value))}`)
      .join('&');
    const response = token
      ? await t.requestAs(token, 'GET', `/obligations?${search}`)
      : await t.request('GET', `/obligations?${search}`);
    expect([search, response.status]).toEqual([search, 200]);
    return { rows: response.body as Obligation[], range: response.headers.get('content-range') };
  };
  const keys = (rows: Obligation[]) => rows.map((o) => `${o.code}:${o.subject.name}`).sort();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    Object.assign(ids, await seedSchoolBranch(post)); // 桥山中学 and its branch under the bureau
    ids.chengnan = (await post('/units', { name: '城南学校', type: 'public_school' })).id;
    ids.chengnanBranch = await addBranch(post, {
      name: '城南学校党支部',
      bureau: ids.bureau,
      unit: ids.chengnan,
      foundedOn: '2012-03-01',
    });
    // B15: one term ended in October (overdue), the other ends next year.
    await post(`/party-organizations/${ids.branch}/elect-committee`, { termStart: '2023-11-01', termYears: 3 });
    await post(`/party-organizations/${ids.chengnanBranch}/elect-committee`, { termStart: '2025-01-01', termYears: 3 });
    // B18: a private school hosted by an affiliated organisation reaches 3 full members.
    ids.xinghua = (await post('/units', { name: '兴华学校', type: 'private_school' })).id;
    ids.host = (
      await post('/party-organizations', {
        name: '教育局第一挂靠党支部',
        kind: 'affiliated_party_org',
        parentId: ids.bureau,
        foundedOn: '2019-09-10',
      })
    ).id;
    await post(`/units/${ids.xinghua}/affiliation`, { hostOrgId: ids.host, on: '2019-09-10' });
    await enrolMembers(post, { orgId: ids.host, unitId: ids.xinghua }, [
      { name: '赵敏' },
      { name: '钱芳' },
      { name: '孙丽' },
    ]);
    // A1: two applicants owe a talk, one since September (overdue), one since this month.
    const apply = (name: string, orgId: string, unitId: string, on: string) =>
      post('/development/cases', { name, gender: 'female', birthDate: '1995-05-04', orgId, unitId, on });
    ids.li = (await apply('李明', ids.branch, ids.unit, '2026-11-10')).id;
    ids.wang = (await apply('王芳', ids.chengnanBranch, ids.chengnan, '2026-09-01')).id;
  });
  afterAll(async () => t.close());

  test('one list of every feature’s obligations, soonest deadline first, undated ones last', async () => {
    const { rows, range } = await list();
    expect(keys(rows)).toEqual(
      ['A1:李明', 'A1:王芳', 'B15:桥山中学党支部', 'B15:城南学校党支部', 'B18:兴华学校'].sort(),
    );
    expect(range).toBe(`obligations 0-4/5`);
    const dates = rows.map((o) => o.dueOn ?? o.notBefore ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    expect(rows.at(-1)).toMatchObject({ code: 'B18', dueOn: null, overdue: false });
    const b18 = rows.find((o) => o.code === 'B18')!;
    expect(b18).toMatchObject({
      source: 'organizations',
      subject: { kind: 'unit', id: ids.xinghua, name: '兴华学校' },
      unitId: ids.xinghua,
      orgId: ids.host,
      who: 'bureau_party_committee',
    });
    expect(b18.title.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rows.find((o) => o.subject.name === '桥山中学党支部')).toMatchObject({
      source: 'organizations',
      dueOn: '2026-10-31',
      overdue: true,
      orgId: ids.branch,
      unitId: ids.unit,
      subject: { kind: 'organization', id: ids.branch },
    });
    expect(rows.find((o) => o.subject.name === '城南学校党支部')).toMatchObject({
      dueOn: '2027-12-31',
      overdue: false,
    });
    // Ids are stable, unique and fit a job id (no ':').
    expect(new Set(rows.map((o) => o.id)).size).toBe(rows.length);
    for (const { id } of rows) expect(id).toMatch(/^(organizations|development)\.[^:]+$/);
  });

  test('development’s obligations are its own list’s open ones, with the applicant as subject', async () => {
    const { rows } = await list({ filter: { source: 'development' } });
    const own = await t.request('GET', `/development/obligations?filter=${encodeURIComponent('{"open":true}')}`);
    expect(rows.map((o) => [o.code, o.subject.id, o.dueOn, o.notBefore, o.who]).sort()).toEqual(
      own.body.map((o: Record<string, string>) => [o.code, o.caseId, o.dueOn, o.notBefore, o.who]).sort(),
    );
    const wang = rows.find((o) => o.subject.id === ids.wang)!;
    expect(wang).toMatchObject({ subject: { kind: 'person', name: '王芳' }, orgId: ids.chengnanBranch, overdue: true });
    expect(rows.find((o) => o.subject.id === ids.li)).toMatchObject({ overdue: false });
  });

  test('filters by code, unit, organisation, due date and overdue; pages do not overlap', async () => {
    expect(keys((await list({ filter: { code: ['B15'] } })).rows)).toEqual(
      ['B15:桥山中学党支部', 'B15:城南学校党支部'].sort(),
    );
    expect(keys((await list({ filter: { unitId: ids.xinghua } })).rows)).toEqual(['B18:兴华学校']);
    expect(keys((await list({ filter: { orgId: ids.branch } })).rows)).toEqual(['A1:李明', 'B15:桥山中学党支部']);
    const overdue = (await list({ filter: { overdue: true } })).rows;
    expect(keys(overdue)).toEqual(['A1:王芳', 'B15:桥山中学党支部']);
    expect(overdue.every((o) => o.overdue)).toBe(true);
    expect(keys((await list({ filter: { overdue: false } })).rows)).toHaveLength(3);
    const dueBy = (await list({ filter: { dueBefore: '2026-12-31' } })).rows;
    expect(dueBy.every((o) => o.dueOn !== null && o.dueOn <= '2026-12-31')).toBe(true);
    expect(keys(dueBy)).toEqual(['A1:李明', 'A1:王芳', 'B15:桥山中学党支部']);
    const all = (await list()).rows.map((o) => o.id);
    const first = await list({ range: [0, 1] });
    const rest = await list({ range: [2, 9] });
    expect(first.range).toBe('obligations 0-1/5');
    expect([...first.rows, ...rest.rows].map((o) => o.id)).toEqual(all);
    const latest = (await list({ sort: ['dueOn', 'DESC'] })).rows.map((o) => o.id);
    expect(latest[0]).toBe(all.at(-1));
  });

  test('a secretary sees its organisations’ obligations, an instructor its units’', async () => {
    const secretary = await t.userWithRole('secretary', { orgIds: [ids.branch], unitIds: [ids.unit] });
    expect(keys((await list({}, secretary)).rows)).toEqual(['A1:李明', 'B15:桥山中学党支部']);
    const host = await t.userWithRole('secretary', { orgIds: [ids.host] });
    expect(keys((await list({}, host)).rows)).toEqual(['B18:兴华学校']);
    const instructor = await t.userWithRole('instructor', { unitIds: [ids.chengnan] });
    expect(keys((await list({}, instructor)).rows)).toEqual(['A1:王芳', 'B15:城南学校党支部']);
    const auditor = await t.userWithRole('auditor');
    expect((await list({}, auditor)).rows).toHaveLength(5);
  });

  test('a filter or sort it does not know is a 400 naming it', async () => {
    const bad = await t.request('GET', `/obligations?filter=${encodeURIComponent('{"colour":"red"}')}`);
    expect([bad.status, bad.body.field, bad.body.fieldMessages['filter.colour'].zh]).toEqual([
      400,
      'filter.colour',
      expect.stringMatching(/colour/),
    ]);
    const sort = await t.request('GET', `/obligations?sort=${encodeURIComponent('["title","ASC"]')}`);
    expect([sort.status, sort.body.field]).toEqual([400, 'sort']);
  });

  test('the catalogue names every code each feature publishes', async () => {
    const { status, body } = await t.request('GET', '/obligations/catalogue');
    expect(status).toBe(200);
    const codes = body.map((entry: { source: string; code: string }) => `${entry.source}:${entry.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['development:A1', 'development:A23', 'organizations:B15', 'organizations:B18']),
    );
    for (const entry of body) expect(entry.title.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
