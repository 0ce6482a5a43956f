import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

const BODY = '中共蒲城县教育局委员会';
const decision = (decidedOn: string, n = 1) => ({
  decidedOn,
  decidingBody: BODY,
  documentNumber: `蒲教党纪〔2024〕${n}号`,
});

/**
 * Discipline end to end: a member under 留党察看 is refused as an introducer (with the reason and its end)
 * and is not among a branch meeting's entitled voters; a teacher-ethics case closes only with the double
 * punishment; a probationary member gets no sanction; a secretary sees eligibility, not case files; a
 * revocation on appeal gives the rights back from its day. Every refusal writes nothing.
 */
describe('discipline (e2e)', () => {
  const clock = new ManualClock('2025-04-10T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body;
  };
  const step = (path: string, on: string, body: object = {}) =>
    t.request('POST', `/development/cases/${ids.person}/${path}`, { on, ...body });
  const refusedWithoutWriting = async (send: () => Promise<TestResponse>) => {
    const before = await store.headPosition();
    const response = await send();
    expect(await store.headPosition()).toBe(before);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, bureau, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, branch });
    ids.other = await addBranch(post, { name: '桥山中学第二党支部', bureau, unit, foundedOn: '2016-03-01' });
    [ids.m1, ids.m2, ids.m3, ids.m4, ids.m5, ids.p1] = await enrolMembers(post, { orgId: branch, unitId: unit }, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
      { name: '周杰' },
      { name: '吴刚' },
      { name: '陈晨', category: 'probationary' },
    ]);
    ids.case1 = (
      await post('/discipline/cases', {
        kind: 'misconduct',
        memberId: ids.m1,
        openedOn: '2024-11-01',
        summary: '违反组织纪律',
      })
    ).id;
    ids.probation = (
      await post(`/discipline/cases/${ids.case1}/sanctions`, {
        track: 'party',
        measure: 'party_probation',
        months: 12,
        ...decision('2024-12-01'),
      })
    ).id;
  });
  afterAll(async () => t.close());

  test('the sanction is its own record, with its period from the table in force', async () => {
    const file = (await t.request('GET', `/discipline/cases/${ids.case1}`)).body;
    expect(file.sanctionList).toEqual([
      expect.objectContaining({
        id: ids.probation,
        track: 'party',
        measure: 'party_probation',
        decidingBody: BODY,
        documentNumber: '蒲教党纪〔2024〕1号',
        periodTable: '2024',
        months: 12,
        lastDay: '2025-11-30',
        freeFrom: '2025-12-01',
      }),
    ]);
    const imposed = (await store.readStream(`disciplineCase-${ids.case1}`)).find((e) => e.type === 'SanctionImposed')!;
    expect(imposed.metadata.unitIds).toEqual([ids.unit]);
  });

  test('development: an introducer under 留党察看 is refused with the reason and its end (422, zh + en)', async () => {
    ids.person = (
      await post('/development/cases', {
        name: '李明',
        gender: 'male',
        birthDate: '1996-04-01',
        orgId: ids.branch,
        unitId: ids.unit,
        on: '2024-01-02',
      })
    ).id;
    const ok = async (path: string, on: string, body: object = {}) =>
      expect((await step(path, on, body)).status).toBe(201);
    await ok('talk', '2024-01-10', { talkedBy: '赵强', summary: '了解入党动机' });
    await ok('activist', '2024-02-01', { recommendation: 'member_recommendation' });
    await ok('activist-filing', '2024-02-02');
    await ok('contacts', '2024-02-02', { contactIds: [ids.m2, ids.m3] });
    await ok('assessments', '2024-08-01', { summary: '半年考察：合格' });
    await ok('candidate', '2025-02-10', { publicityFrom: '2025-01-20', publicityTo: '2025-01-24' });
    await ok('candidate-filing', '2025-02-11');
    const refused = await refusedWithoutWriting(() =>
      step('introducers', '2025-02-12', { introducerIds: [ids.m1, ids.m2] }),
    );
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'development.introducer-under-party-probation',
      'introducerIds.0',
    ]);
    expect(refused.body.messages.zh).toContain('留党察看');
    expect(refused.body.messages.zh).toContain('至 2025-11-30');
    expect(refused.body.messages.en).toContain('to 2025-11-30');
    await ok('introducers', '2025-02-12', { introducerIds: [ids.m2, ids.m3] });
  });

  test('development: a member under 留党察看 is not counted among the entitled voters', async () => {
    const ok = async (path: string, on: string, body: object = {}) =>
      expect((await step(path, on, body)).status).toBe(201);
    await ok('political-review', '2025-03-01', { conclusion: 'passed', summary: '政治审查合格' });
    await ok('training', '2025-03-05', { days: 3, classHours: 24, provider: '县委党校' });
    await ok('branch-review', '2025-03-10', { conclusion: 'submit' });
    await ok('pre-review', '2025-03-20', { conclusion: 'passed', leavingUnitOn: null });
    await ok('admission-form', '2025-03-21');
    const counts = (n: number) => ({
      entitled: n,
      present: n,
      writtenOpinions: 0,
      inFavour: n,
      against: 0,
      abstain: 0,
    });
    const five = await refusedWithoutWriting(() =>
      step('admission-vote', '2025-04-01', { resolution: 'admit', votes: counts(5) }),
    );
    expect([five.status, five.body.code]).toEqual([422, 'development.vote-entitled-exceeds-full-members']);
    expect(five.body.messages.zh).toContain('（4；另有 1 名正式党员受留党察看处分');
    expect((await step('admission-vote', '2025-04-01', { resolution: 'admit', votes: counts(4) })).status).toBe(201);
  });

  test('a probationary member receives no Party sanction; the rule is named and nothing is written', async () => {
    const probationer = (
      await post('/discipline/cases', {
        kind: 'misconduct',
        memberId: ids.p1,
        openedOn: '2025-03-01',
        summary: '无故不参加组织生活',
      })
    ).id;
    const refused = await refusedWithoutWriting(() =>
      t.request('POST', `/discipline/cases/${probationer}/sanctions`, {
        track: 'party',
        measure: 'warning',
        ...decision('2025-03-10'),
      }),
    );
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'discipline.probationary-member-no-sanction',
      'track',
    ]);
    expect(refused.body.messages.zh).toContain('预备党员');
    await post(`/discipline/cases/${probationer}/measures`, {
      measure: 'criticism_education',
      ...decision('2025-03-10', 2),
    });
  });

  test('teacher ethics: the case does not close without both sanctions and the disqualification', async () => {
    const ethics = (
      await post('/discipline/cases', {
        kind: 'teacher_ethics_violation',
        memberId: ids.m4,
        openedOn: '2025-01-05',
        summary: '有偿补课',
      })
    ).id;
    await post(`/discipline/cases/${ethics}/violation`, { findings: '有偿补课属实', ...decision('2025-01-20', 3) });
    await post(`/discipline/cases/${ethics}/sanctions`, {
      track: 'administrative',
      measure: 'demerit',
      ...decision('2025-02-01', 4),
    });
    const close = () =>
      t.request('POST', `/discipline/cases/${ethics}/close`, { closedOn: '2025-03-01', conclusion: 'decided' });
    const refused = await refusedWithoutWriting(close);
    expect([refused.status, refused.body.code]).toEqual([422, 'discipline.dual-punishment-incomplete']);
    expect(refused.body.messages.zh).toContain('党纪处分');
    expect(refused.body.messages.zh).toContain('取消评先评优资格');
    const short = await refusedWithoutWriting(() =>
      t.request('POST', `/discipline/cases/${ethics}/disqualification`, { months: 12, ...decision('2025-02-01', 5) }),
    );
    expect([short.status, short.body.code, short.body.field]).toEqual([
      422,
      'discipline.ethics-disqualification-minimum',
      'months',
    ]);
    await post(`/discipline/cases/${ethics}/disqualification`, { months: 24, ...decision('2025-02-01', 5) });
    await post(`/discipline/cases/${ethics}/sanctions`, {
      track: 'party',
      measure: 'warning',
      ...decision('2025-02-01', 6),
    });
    expect((await close()).status).toBe(201);
    const commend = (await t.request('GET', `/discipline/eligibility/${ids.m4}?on=2025-04-10`)).body.rights.commend;
    expect(commend.allowed).toBe(false);
    expect(commend.until).toBe('2027-01-31');
    expect(commend.reasons.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'demerit',
      'ethics_disqualification',
      'warning',
    ]);
  });

  test('privacy: a secretary sees whether and until when, never the case file', async () => {
    const secretary = await t.userWithRole('secretary', { orgIds: [ids.branch] });
    const other = await t.userWithRole('secretary', { orgIds: [ids.other] });
    expect((await t.requestAs(secretary, 'GET', '/discipline/cases')).status).toBe(403);
    expect((await t.requestAs(secretary, 'GET', `/discipline/cases/${ids.case1}`)).status).toBe(403);
    const seen = await t.requestAs(secretary, 'GET', `/discipline/eligibility/${ids.m1}?on=2025-04-10`);
    expect(seen.status).toBe(200);
    expect(seen.body.rights.vote).toEqual({ allowed: false, until: '2025-11-30' });
    expect(JSON.stringify(seen.body)).not.toContain('蒲教党纪');
    expect(JSON.stringify(seen.body)).not.toContain('party_probation');
    const restricted = await t.requestAs(secretary, 'GET', '/discipline/restricted-members?on=2025-04-10');
    expect(restricted.body.map((r: { name: string }) => r.name).sort()).toEqual(['周杰', '王芳']);
    expect(JSON.stringify(restricted.body)).not.toContain(BODY);
    expect((await t.requestAs(other, 'GET', `/discipline/eligibility/${ids.m1}`)).status).toBe(403);
    const bureau = (await t.request('GET', `/discipline/eligibility/${ids.m1}?on=2025-04-10`)).body;
    expect(bureau.rights.vote.reasons[0]).toMatchObject({
      kind: 'party_probation',
      documentNumber: '蒲教党纪〔2024〕1号',
    });
  });

  test('revoked on appeal: the rights return from the revocation’s day', async () => {
    expect(
      (await t.request('GET', `/discipline/advanced-org-eligibility?orgId=${ids.branch}&on=2025-04-10`)).body.eligible,
    ).toBe(false);
    const appeal = (
      await post(`/discipline/cases/${ids.case1}/appeals`, {
        sanctionId: ids.probation,
        filedOn: '2025-01-05',
        grounds: '事实不清',
      })
    ).id;
    await post(`/discipline/cases/${ids.case1}/appeals/${appeal}/decision`, {
      outcome: 'revoked',
      ...decision('2025-04-01', 7),
    });
    const vote = async (on: string) =>
      (await t.request('GET', `/discipline/eligibility/${ids.m1}?on=${on}`)).body.rights.vote;
    expect((await vote('2025-03-31')).allowed).toBe(false);
    expect((await vote('2025-04-01')).allowed).toBe(true);
  });

  test('E4 and E7 are published as obligations; E4 reaches the branch’s secretary, E7 does not', async () => {
    const list = await t.request(
      'GET',
      `/obligations?filter=${encodeURIComponent(JSON.stringify({ source: 'discipline' }))}`,
    );
    const codes = (list.body as { code: string }[]).map((o) => o.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['E1', 'E7', 'E8']));
    expect(codes).not.toContain('E4'); // the only 留党察看 was revoked on appeal
  });
});
