import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * One person from application (2023) to full membership (2026) over HTTP, with the clock moving to each
 * step's date: the 2014 rules judge the early steps, the 2026 revision the conversion, and the candidate's
 * publicity runs over the 2024 National Day holiday in Chinese working days. (The timeline ends before the
 * real date: tokens are signed with the system time but checked against the moving clock.)
 */
describe('membership development: application to full membership (e2e)', () => {
  const clock = new ManualClock('2023-03-01T02:00:00Z');
  let t: TestApp;
  let token = '';
  const ids: Record<string, string> = {};
  const at = async (date: string) => {
    clock.set(`${date}T02:00:00Z`);
    token = await t.login('admin', ADMIN_PASSWORD); // tokens are checked against the moving clock
  };
  const send = (method: string, path: string, body?: unknown) => t.requestAs(token, method, path, body);
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await send('POST', path, body);
    expect([response.status, response.body]).toEqual([status, expect.anything()]);
    return response.body;
  };
  const step = (path: string, on: string, body: object = {}) =>
    post(`/development/cases/${ids.person}/${path}`, { on, ...body });
  const caseRow = async () => (await send('GET', `/development/cases/${ids.person}`)).body;
  const openObligations = async (caseId = ids.person) =>
    (await send('GET', `/development/obligations?filter=${encodeURIComponent(JSON.stringify({ caseId, open: true }))}`))
      .body;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    token = t.adminToken;
    Object.assign(ids, await seedSchoolBranch(post));
    const placement = { orgId: ids.branch, unitId: ids.unit };
    [ids.m1, ids.m2, ids.m3, ids.m4, ids.p1] = await enrolMembers(post, placement, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
      { name: '周杰' },
      { name: '陈晨', category: 'probationary' },
    ]);
  });
  afterAll(async () => t.close());

  test('stages 1–2: application, talk, activist, contacts, assessment', async () => {
    const minor = await send('POST', '/development/cases', {
      name: '少年',
      gender: 'male',
      birthDate: '2005-03-02',
      orgId: ids.branch,
      unitId: ids.unit,
      on: '2023-03-01',
    });
    expect([minor.status, minor.body.code]).toEqual([422, 'development.under-18']);
    const opened = await post('/development/cases', {
      name: '李明',
      gender: 'male',
      birthDate: '1996-04-01',
      orgId: ids.branch,
      unitId: ids.unit,
      on: '2023-03-01',
    });
    ids.person = opened.id;
    // The answer is the case as its read serves it (a client may show it as it is), with the write receipt.
    expect(opened).toMatchObject({
      id: ids.person,
      name: '李明',
      status: 'open',
      steps: { application: '2023-03-01' },
      nextSteps: ['talk'],
      upcomingSteps: [],
      stream: `development-${ids.person}`,
      events: [expect.objectContaining({ type: 'ApplicationSubmitted' })],
    });
    expect(await openObligations()).toEqual([
      expect.objectContaining({ code: 'A1', dueOn: '2023-04-01', who: 'branch_secretary' }),
    ]);
    await at('2023-03-15');
    await step('talk', '2023-03-15', { talkedBy: '王芳', summary: '了解入党动机' });
    await at('2023-09-05');
    await step('activist', '2023-09-04', { recommendation: 'member_recommendation' });
    await step('activist-filing', '2023-09-05');
    const probationer = await send('POST', `/development/cases/${ids.person}/contacts`, {
      on: '2023-09-05',
      contactIds: [ids.p1],
    });
    expect(probationer.body).toMatchObject({ code: 'development.contact-not-full-member', field: 'contactIds.0' });
    await step('contacts', '2023-09-05', { contactIds: [ids.m1, ids.m2] });
    await at('2024-03-04');
    await step('thought-reports', '2023-12-01', { summary: '第一季度思想汇报' });
    await step('assessments', '2024-03-04', { summary: '半年考察：合格' });
    expect(await caseRow()).toMatchObject({ stage: 2, step: 6, activistOn: '2023-09-04' });
  });

  test('the lists name the unit and the branch, and follow a rename', async () => {
    const cases = async () =>
      (await send('GET', `/development/cases?filter=${encodeURIComponent(JSON.stringify({ id: ids.person }))}`)).body;
    expect(await caseRow()).toMatchObject({ unitName: '桥山中学', orgName: '桥山中学党支部' });
    await post(`/units/${ids.unit}/rename`, { name: '桥山实验中学' });
    expect(await cases()).toEqual([expect.objectContaining({ unitName: '桥山实验中学', orgName: '桥山中学党支部' })]);
    expect((await send('GET', '/development/pipeline')).body).toEqual([
      expect.objectContaining({ orgId: ids.branch, orgName: '桥山中学党支部' }),
    ]);
  });

  test('stage 3: candidate after a year, publicity over National Day counted in working days', async () => {
    await at('2024-08-30');
    const early = await send('POST', `/development/cases/${ids.person}/candidate`, {
      on: '2024-08-30',
      publicityFrom: '2024-08-20',
      publicityTo: '2024-08-27',
    });
    expect(early.body.code).toBe('development.cultivation-under-1-year');
    // The case read does not offer the step the decider refuses today: it says from when, as A8 does.
    const waiting = await caseRow();
    expect(waiting.nextSteps).not.toContain('candidate');
    expect(waiting.upcomingSteps).toEqual([{ key: 'candidate', availableFrom: '2024-09-04' }]);
    expect((await openObligations()).find((o: { code: string }) => o.code === 'A8')).toMatchObject({
      notBefore: '2024-09-04',
      dueOn: null,
    });
    await at('2024-10-10');
    expect((await caseRow()).nextSteps).toContain('candidate');
    // 27 Sep, Sunday 29 Sep (a make-up working day, 调休), 30 Sep, 8 Oct: only 4 working days; 1–7 Oct are off.
    const short = await send('POST', `/development/cases/${ids.person}/candidate`, {
      on: '2024-10-10',
      publicityFrom: '2024-09-27',
      publicityTo: '2024-10-08',
    });
    expect(short.body).toMatchObject({ code: 'development.publicity-too-short', field: 'publicityTo' });
    await step('candidate', '2024-10-10', { publicityFrom: '2024-09-27', publicityTo: '2024-10-09' });
    await at('2024-11-14');
    await step('candidate-filing', '2024-10-11');
    await step('introducers', '2024-10-12', { introducerIds: [ids.m1, ids.m2] });
    await step('political-review', '2024-11-10', { conclusion: 'passed', summary: '政治审查合格' });
    const short2 = await send('POST', `/development/cases/${ids.person}/training`, {
      on: '2024-11-14',
      days: 2,
      classHours: 16,
      provider: '县委党校',
    });
    expect(short2.body.code).toBe('development.training-too-short');
    await step('training', '2024-11-14', { days: 3, classHours: 24, provider: '县委党校' });
    expect(await caseRow()).toMatchObject({ stage: 3, step: 11, candidateOn: '2024-10-10' });
  });

  test('stage 4: review, pre-review, vote (probationers do not vote), interview, approval', async () => {
    await at('2025-06-16');
    await step('branch-review', '2025-05-20', { conclusion: 'submit' });
    await step('pre-review', '2025-06-01', { conclusion: 'passed', leavingUnitOn: null });
    await step('admission-form', '2025-06-02');
    const votes = { entitled: 4, present: 3, writtenOpinions: 1, inFavour: 4, against: 0, abstain: 0 };
    const withProbationer = await send('POST', `/development/cases/${ids.person}/admission-vote`, {
      on: '2025-06-16',
      resolution: 'admit',
      votes: { ...votes, entitled: 5, present: 4, writtenOpinions: 0 },
    });
    expect(withProbationer.body.code).toBe('development.vote-entitled-exceeds-full-members');
    await step('admission-vote', '2025-06-16', { resolution: 'admit', votes });
    expect((await openObligations()).map((o: { code: string; dueOn: string }) => [o.code, o.dueOn])).toEqual([
      ['A6', '2024-03-01'], // only one thought report so far: the next was due a quarter later
      ['A16', '2025-09-16'],
    ]);
    await at('2025-07-20');
    await step('interview', '2025-06-20', { interviewer: '组织员张', opinion: '同意' });
    await step('admission-decision', '2025-07-10', { decision: 'approved' });
    await step('admission-filing', '2025-07-12');
    await step('assignment', '2025-07-12', { partyGroup: '第一党小组' });
    await step('oath', '2025-07-20');
    expect(await caseRow()).toMatchObject({
      admissionMeetingOn: '2025-06-16',
      approvedOn: '2025-07-10',
      probationEnd: '2026-06-16',
    });
    const developed = (await send('GET', '/development/developed-per-year?year=2025')).body;
    expect(developed).toEqual([expect.objectContaining({ orgId: ids.branch, year: 2025, members: 1 })]);
  });

  test('stage 5: conversion not before expiry, approval, Party standing from expiry, archive', async () => {
    await at('2026-06-15');
    await step('observations', '2025-12-30', { summary: '半年考察' });
    await step('conversion-application', '2026-06-01');
    const meeting = {
      outcome: 'convert',
      votes: { entitled: 4, present: 4, writtenOpinions: 0, inFavour: 4, against: 0, abstain: 0 },
      publicityFrom: '2026-06-08',
      publicityTo: '2026-06-12',
    };
    const early = await send('POST', `/development/cases/${ids.person}/conversion-meeting`, {
      on: '2026-06-15',
      ...meeting,
    });
    expect(early.body.code).toBe('development.conversion-before-expiry');
    await at('2026-06-16');
    await step('conversion-meeting', '2026-06-16', meeting);
    await at('2026-07-10');
    await step('conversion-decision', '2026-07-06', { decision: 'approved' });
    await step('archive', '2026-07-10', { archive: 'personnel_file' });
    expect(await caseRow()).toMatchObject({
      status: 'full_member',
      stage: 5,
      step: 25,
      partyStandingFrom: '2026-06-16',
      convertedOn: '2026-07-06',
    });
    expect(await openObligations()).toEqual([]);
    const pipeline = (await send('GET', '/development/pipeline')).body;
    expect(pipeline).toEqual([]);
    const list = await send(
      'GET',
      `/development/cases?filter=${encodeURIComponent(JSON.stringify({ orgId: ids.branch }))}`,
    );
    expect(list.headers.get('content-range')).toBe('development/cases 0-0/1');
  });

  test('a candidate not admitted waits 6 months before a new vote; the case read names its next steps', async () => {
    await at('2026-11-20');
    const catalogue = (await send('GET', '/development/catalogue')).body;
    expect(catalogue.steps).toHaveLength(25);
    expect(catalogue.steps[2]).toMatchObject({ key: 'activist', number: 3, after: ['talk'], zh: '确定入党积极分子' });
    expect(catalogue.obligations.map((o: { code: string }) => o.code)).toContain('A15');
    ids.second = (
      await post('/development/cases', {
        name: '王磊',
        gender: 'male',
        birthDate: '1994-02-01',
        orgId: ids.branch,
        unitId: ids.unit,
        on: '2024-01-02',
      })
    ).id;
    const next = async () => (await send('GET', `/development/cases/${ids.second}`)).body.nextSteps;
    expect(await next()).toEqual(['talk']);
    const second = (path: string, on: string, body: object = {}) =>
      post(`/development/cases/${ids.second}/${path}`, { on, ...body });
    await second('talk', '2024-01-10', { talkedBy: '王芳', summary: '了解入党动机' });
    await second('activist', '2024-02-01', { recommendation: 'member_recommendation' });
    expect(await next()).toEqual(['activistFiled', 'contacts', 'thoughtReport']);
    await second('activist-filing', '2024-02-02');
    await second('contacts', '2024-02-02', { contactIds: [ids.m1, ids.m2] });
    await second('assessments', '2024-08-01', { summary: '半年考察：合格' });
    await second('candidate', '2025-02-10', { publicityFrom: '2025-01-20', publicityTo: '2025-01-24' });
    await second('candidate-filing', '2025-02-11');
    await second('introducers', '2025-02-12', { introducerIds: [ids.m1, ids.m2] });
    await second('political-review', '2025-03-01', { conclusion: 'passed', summary: '政治审查合格' });
    await second('training', '2025-03-05', { days: 3, classHours: 24, provider: '县委党校' });
    await second('branch-review', '2025-03-10', { conclusion: 'submit' });
    await second('pre-review', '2025-03-20', { conclusion: 'passed', leavingUnitOn: null });
    await second('admission-form', '2025-03-21');
    const split = { entitled: 4, present: 4, writtenOpinions: 0, inFavour: 2, against: 2, abstain: 0 };
    await second('admission-vote', '2025-04-01', { resolution: 'not_admit', votes: split });
    expect(await next()).toEqual(['thoughtReport', 'admissionVote']);
    const a15 = (await openObligations(ids.second)).find((o: { code: string }) => o.code === 'A15');
    expect(a15).toMatchObject({ notBefore: '2025-10-01', dueOn: '2025-11-01' });
    const admit = { resolution: 'admit', votes: { ...split, inFavour: 4, against: 0 } };
    const early = await send('POST', `/development/cases/${ids.second}/admission-vote`, { on: '2025-09-30', ...admit });
    expect([early.status, early.body.code, early.body.field]).toEqual([422, 'development.resubmission-wait', 'on']);
    expect(early.body.messages.zh).toContain('6 个月内不得再次提交');
    expect(early.body.messages.en).toContain('may not be resubmitted for 6 months');
    await second('admission-vote', '2025-10-01', admit);
    expect(await next()).toEqual(['thoughtReport', 'interview']);
  });
});
