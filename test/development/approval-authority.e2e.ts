import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { developmentStream } from '../../src/development/development.events.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * Who may pre-review, interview, approve and file (steps 13, 16, 17, 18, 24): only a basic-level Party
 * committee with approval authority (domain.md §4.1). Here a school's Party committee has it and its
 * branch's secretary walks a case up to the committee's steps: the branch secretary is refused them
 * (and not offered them), the committee's secretary takes them, and once the authority is withdrawn the
 * bureau's roles only. A general branch (党总支) can never be given the authority.
 */
describe('development: the higher committee’s steps need approval authority (e2e)', () => {
  const clock = new ManualClock('2025-04-10T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const expectStatus = (response: TestResponse, status: number) =>
    expect([response.status, response.body]).toEqual([status, expect.anything()]);
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expectStatus(response, 201);
    return response.body;
  };
  const step = (who: string, path: string, on: string, body: object = {}) =>
    t.requestAs(tokens[who], 'POST', `/development/cases/${ids.person}/${path}`, { on, ...body });
  const nextSteps = async (who: string) =>
    (await t.requestAs(tokens[who], 'GET', `/development/cases/${ids.person}`)).body.nextSteps as string[];
  const refusedWithoutEffect = async (response: Promise<TestResponse>) => {
    const before = await store.headPosition();
    const refused = await response;
    expect([refused.status, refused.body.code]).toEqual([403, 'development.approval-authority-required']);
    // Nothing written by the refused request. The head alone cannot say so: the enrolment policy may still be
    // appending the probationary member an earlier, accepted admission decision asked for.
    const since = await store.readAll({ after: before });
    expect(since.filter((e) => e.metadata.actorId !== 'system')).toEqual([]);
    expect(since.filter((e) => e.stream === developmentStream(ids.person))).toEqual([]);
    return refused;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, bureau } = await seedSchoolBranch(post);
    ids.committee = (
      await post('/party-organizations', {
        name: '中共桥山中学委员会',
        kind: 'basic_party_committee',
        parentId: bureau,
        unitIds: [unit],
        foundedOn: '2015-09-01',
        approvalAuthority: true,
      })
    ).id;
    ids.branch = (
      await post('/party-organizations', {
        name: '桥山中学第一党支部',
        kind: 'party_branch',
        parentId: ids.committee,
        unitIds: [unit],
        foundedOn: '2015-09-01',
      })
    ).id;
    ids.unit = unit;
    ids.bureau = bureau;
    [ids.m1, ids.m2] = await enrolMembers(post, { orgId: ids.branch, unitId: unit }, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
      { name: '周杰' },
    ]);
    tokens.branch = await t.userWithRole('secretary', { orgIds: [ids.branch], unitIds: [unit] });
    tokens.committee = await t.userWithRole('secretary', { orgIds: [ids.committee] });
    tokens.staff = await t.userWithRole('bureau_staff');
  });
  afterAll(async () => t.close());

  test('the organisation read shows the mark; a general branch cannot be given it', async () => {
    const committee = await t.request('GET', `/party-organizations/${ids.committee}`);
    expect(committee.body).toMatchObject({ kind: 'basic_party_committee', approvalAuthority: true });
    expect((await t.request('GET', `/party-organizations/${ids.branch}`)).body.approvalAuthority).toBe(false);
    const before = await store.headPosition();
    const general = await t.request('POST', '/party-organizations', {
      name: '桥山中学党总支',
      kind: 'general_branch',
      parentId: ids.committee,
      foundedOn: '2015-09-01',
      approvalAuthority: true,
    });
    expect([general.status, general.body.code, general.body.field]).toEqual([
      422,
      'org.approval-authority-committee-only',
      'approvalAuthority',
    ]);
    const branch = await t.request('POST', `/party-organizations/${ids.branch}/approval-authority`, {
      approvalAuthority: true,
      on: '2025-01-01',
    });
    expect([branch.status, branch.body.code]).toEqual([422, 'org.approval-authority-committee-only']);
    expect(await store.headPosition()).toBe(before);
    const bySecretary = await t.requestAs(
      tokens.committee,
      'POST',
      `/party-organizations/${ids.committee}/approval-authority`,
      {
        approvalAuthority: false,
        on: '2025-01-01',
      },
    );
    expect(bySecretary.status).toBe(403);
  });

  test('the branch secretary takes the branch’s steps, but not the pre-review: neither offered nor accepted', async () => {
    const applied = await t.requestAs(tokens.branch, 'POST', '/development/cases', {
      name: '李明',
      gender: 'male',
      birthDate: '1996-04-01',
      orgId: ids.branch,
      unitId: ids.unit,
      on: '2024-01-02',
    });
    expectStatus(applied, 201);
    ids.person = applied.body.id;
    const branchSteps: [string, string, object?][] = [
      ['talk', '2024-01-10', { talkedBy: '王芳', summary: '了解入党动机' }],
      ['activist', '2024-02-01', { recommendation: 'member_recommendation' }],
      ['activist-filing', '2024-02-02'],
      ['contacts', '2024-02-02', { contactIds: [ids.m1, ids.m2] }],
      ['assessments', '2024-08-01', { summary: '半年考察：合格' }],
      ['candidate', '2025-02-10', { publicityFrom: '2025-01-20', publicityTo: '2025-01-24' }],
      ['candidate-filing', '2025-02-11'],
      ['introducers', '2025-02-12', { introducerIds: [ids.m1, ids.m2] }],
      ['political-review', '2025-03-01', { conclusion: 'passed', summary: '政治审查合格' }],
      ['training', '2025-03-05', { days: 3, classHours: 24, provider: '县委党校' }],
      ['branch-review', '2025-03-10', { conclusion: 'submit' }],
    ];
    for (const [path, on, body] of branchSteps) expectStatus(await step('branch', path, on, body), 201);

    expect(await nextSteps('branch')).toEqual(['thoughtReport']);
    const refused = await refusedWithoutEffect(
      step('branch', 'pre-review', '2025-03-20', { conclusion: 'passed', leavingUnitOn: null }),
    );
    expect(refused.body.messages.zh).toContain('具有审批权限的基层党委');
    expect(refused.body.messages.zh).toContain('中共桥山中学委员会');
    expect(refused.body.messages.en).toContain('approval authority');
  });

  test('the committee’s secretary reaches the branch’s case and takes the committee’s steps', async () => {
    expect(await nextSteps('committee')).toEqual(['thoughtReport', 'preReview']);
    expectStatus(
      await step('committee', 'pre-review', '2025-03-20', { conclusion: 'passed', leavingUnitOn: null }),
      201,
    );
    expectStatus(await step('branch', 'admission-form', '2025-03-21'), 201);
    const votes = { entitled: 4, present: 4, writtenOpinions: 0, inFavour: 4, against: 0, abstain: 0 };
    expectStatus(await step('branch', 'admission-vote', '2025-04-01', { resolution: 'admit', votes }), 201);

    // The branch secretary interviews and approves nothing, and may not attach records to the pre-review.
    await refusedWithoutEffect(step('branch', 'interview', '2025-04-05', { interviewer: '组织员张', opinion: '同意' }));
    await refusedWithoutEffect(
      t.requestAs(tokens.branch, 'POST', `/development/cases/${ids.person}/records`, {
        step: 'preReview',
        title: '预审意见',
      }),
    );
    const asBranch = (await t.requestAs(tokens.branch, 'GET', `/development/cases/${ids.person}`)).body;
    expect(asBranch.nextSteps).toEqual(['thoughtReport']);
    expect(asBranch.attachable).not.toContain('preReview');

    expectStatus(await step('committee', 'interview', '2025-04-05', { interviewer: '组织员张', opinion: '同意' }), 201);
    await refusedWithoutEffect(step('branch', 'admission-decision', '2025-04-08', { decision: 'approved' }));
    expectStatus(await step('committee', 'admission-decision', '2025-04-08', { decision: 'approved' }), 201);
    const list = await t.requestAs(tokens.committee, 'GET', '/development/cases');
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([ids.person]);
  });

  test('once the authority is withdrawn, the committee’s secretary files nothing; the bureau does', async () => {
    await post(`/party-organizations/${ids.committee}/approval-authority`, {
      approvalAuthority: false,
      on: '2025-04-09',
    });
    const refused = await refusedWithoutEffect(step('committee', 'admission-filing', '2025-04-09'));
    expect(refused.body.messages.zh).toContain('由教育局党委办理');
    expect(await nextSteps('committee')).not.toContain('approvalFiled');
    expectStatus(await step('staff', 'admission-filing', '2025-04-09'), 201);
  });

  test('members developed per year are scoped like every list: its committee sees the branch’s, others nothing', async () => {
    const all = (await t.request('GET', '/development/developed-per-year?year=2025')).body;
    expect(all).toEqual([expect.objectContaining({ orgId: ids.branch, year: 2025, members: 1 })]);
    const asCommittee = await t.requestAs(tokens.committee, 'GET', '/development/developed-per-year?year=2025');
    expect(asCommittee.body).toEqual(all);
    const elsewhere = await post('/party-organizations', {
      name: '东槐院小学党支部',
      kind: 'party_branch',
      parentId: ids.bureau,
      foundedOn: '2015-09-01',
    });
    const other = await t.userWithRole('secretary', { orgIds: [elsewhere.id] });
    expect((await t.requestAs(other, 'GET', '/development/developed-per-year?year=2025')).body).toEqual([]);
  });
});
