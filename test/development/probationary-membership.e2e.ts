import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { FEATURES } from '../../src/features.js';
import { StartupError } from '../../src/core/errors.js';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { Jobs } from '../../src/core/jobs/jobs.module.js';
import { POLICIES, type Policy } from '../../src/core/jobs/policy.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';
import {
  CONVERT_PROBATIONARY_MEMBER,
  ENROL_PROBATIONARY_MEMBER,
  memberIdOf,
  probationaryMembershipPolicy,
  TRANSFER_PROBATIONARY_MEMBER,
} from '../../src/organizations/policies/probationary-membership.policy.js';
import { memberStream } from '../../src/organizations/organizations.events.js';

/**
 * Issue #5 over HTTP, with the real Redis: two people walk the 25 steps as in development.e2e.ts. The
 * higher committee's approval puts each on the roster as a probationary member (joining on the branch
 * meeting's date) through the policy and its job; step 19 assigns one of them to another branch, and the
 * roster transfers them there; at conversion one becomes a full member (Party standing from the expiry of
 * probation), the other's probationary status is cancelled and they leave the roster.
 */
describe('probationary membership policy (e2e)', () => {
  const clock = new ManualClock('2023-03-01T02:00:00Z');
  let t: TestApp;
  let token = '';
  const ids: Record<string, string> = {};
  const people = ['li', 'zhang'] as const;
  const at = async (date: string) => {
    clock.set(`${date}T02:00:00Z`);
    token = await t.login('admin', ADMIN_PASSWORD); // tokens are checked against the moving clock
  };
  const send = (method: string, path: string, body?: unknown) => t.requestAs(token, method, path, body);
  const post = async (path: string, body: unknown) => {
    const response = await send('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body;
  };
  /** The same step for both people. */
  const step = async (path: string, on: string, body: object | ((person: string) => object) = {}) => {
    for (const person of people)
      await post(`/development/cases/${ids[person]}/${path}`, {
        on,
        ...(typeof body === 'function' ? body(person) : body),
      });
  };
  const memberRow = async (person: string) => {
    const filter = encodeURIComponent(JSON.stringify({ id: memberIdOf(ids[person]) }));
    return (await send('GET', `/members?filter=${filter}`)).body[0];
  };
  /** Jobs run in the background: poll the roster until it shows what is expected. */
  const eventually = async (person: string, expected: object, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await memberRow(person);
      try {
        expect(row).toMatchObject(expected);
        return row;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const memberEvents = async (person: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(memberStream(memberIdOf(ids[person])))).map((e) => e.type);
  const votes = { entitled: 4, present: 3, writtenOpinions: 1, inFavour: 4, against: 0, abstain: 0 };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    token = t.adminToken;
    Object.assign(ids, await seedSchoolBranch(post));
    ids.branch2 = await addBranch(post, {
      name: '桥山中学第二党支部',
      bureau: ids.bureau,
      unit: ids.unit,
      foundedOn: '2016-09-01',
    });
    const names = (list: string[]) => list.map((name) => ({ name }));
    [ids.m1, ids.m2, ids.m3, ids.m4] = await enrolMembers(
      post,
      { orgId: ids.branch, unitId: ids.unit },
      names(['王芳', '赵强', '孙丽', '周杰']),
    );
    [ids.m5, ids.m6, ids.m7, ids.m8] = await enrolMembers(
      post,
      { orgId: ids.branch2, unitId: ids.unit },
      names(['陈静', '刘洋', '杨帆', '黄磊']),
    );
    for (const [person, name, gender] of [
      ['li', '李明', 'male'],
      ['zhang', '张红', 'female'],
    ])
      ids[person] = (
        await post('/development/cases', {
          name,
          gender,
          birthDate: '1996-04-01',
          orgId: ids.branch,
          unitId: ids.unit,
          on: '2023-03-01',
        })
      ).id;
  });
  afterAll(async () => t?.close());

  test('an approved admission enrols a probationary member, joining on the branch meeting date', async () => {
    await at('2023-03-15');
    await step('talk', '2023-03-15', { talkedBy: '王芳', summary: '了解入党动机' });
    await at('2023-09-05');
    await step('activist', '2023-09-04', { recommendation: 'member_recommendation' });
    await step('activist-filing', '2023-09-05');
    await step('contacts', '2023-09-05', { contactIds: [ids.m1, ids.m2] });
    await at('2024-03-04');
    await step('thought-reports', '2023-12-01', { summary: '思想汇报' });
    await step('assessments', '2024-03-04', { summary: '半年考察：合格' });
    await at('2024-10-10');
    await step('candidate', '2024-10-10', { publicityFrom: '2024-09-27', publicityTo: '2024-10-09' });
    await at('2024-11-14');
    await step('candidate-filing', '2024-10-11');
    await step('introducers', '2024-10-12', { introducerIds: [ids.m1, ids.m2] });
    await step('political-review', '2024-11-10', { conclusion: 'passed', summary: '政治审查合格' });
    await step('training', '2024-11-14', { days: 3, classHours: 24, provider: '县委党校' });
    await at('2025-06-16');
    await step('branch-review', '2025-05-20', { conclusion: 'submit' });
    await step('pre-review', '2025-06-01', { conclusion: 'passed', leavingUnitOn: null });
    await step('admission-form', '2025-06-02');
    await step('admission-vote', '2025-06-16', { resolution: 'admit', votes });
    await at('2025-07-20');
    await step('interview', '2025-06-20', { interviewer: '组织员张', opinion: '同意' });
    expect(await memberRow('li')).toBeUndefined();
    await step('admission-decision', '2025-07-10', { decision: 'approved' });

    for (const [person, name] of [
      ['li', '李明'],
      ['zhang', '张红'],
    ])
      await eventually(person, {
        name,
        category: 'probationary',
        status: 'active',
        joinedOn: '2025-06-16',
        orgId: ids.branch,
        unitId: ids.unit,
      });
    expect((await memberRow('zhang')).gender).toBe('female');
    // The follow-up is linked to the approval in the audit trail: caused by its event, in its correlation.
    const store = t.app.get<EventStore>(EVENT_STORE);
    const approval = (await store.readStream(`development-${ids.li}`)).find((e) => e.type === 'AdmissionApproved')!;
    const [enrolled] = await store.readStream(memberStream(memberIdOf(ids.li)));
    expect(enrolled.metadata).toMatchObject({
      actorId: 'system',
      causationId: approval.id,
      correlationId: approval.metadata.correlationId,
    });
  });

  test('an assignment to another branch (step 19) transfers the probationary member there', async () => {
    await step('admission-filing', '2025-07-12');
    // Li joins the second branch; Zhang stays in the branch that admitted her (no orgId).
    await step('assignment', '2025-07-12', (person) =>
      person === 'li' ? { partyGroup: '第一党小组', orgId: ids.branch2 } : { partyGroup: '第一党小组' },
    );
    await eventually('li', { category: 'probationary', status: 'active', orgId: ids.branch2, unitId: ids.unit });
    const filter = encodeURIComponent(JSON.stringify({ orgId: ids.branch2 }));
    const roster = (await send('GET', `/members?filter=${filter}`)).body as { id: string; name: string }[];
    expect(roster.find((row) => row.id === memberIdOf(ids.li))).toMatchObject({ name: '李明' });
    expect(await memberRow('zhang')).toMatchObject({ orgId: ids.branch });
    expect(await memberEvents('li')).toEqual(['MemberEnrolled', 'MemberTransferred']);
    expect(await memberEvents('zhang')).toEqual(['MemberEnrolled']);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const assignment = (await store.readStream(`development-${ids.li}`)).find(
      (e) => e.type === 'AssignedToBranchAndGroup',
    )!;
    const [, transferred] = await store.readStream(memberStream(memberIdOf(ids.li)));
    expect(transferred.data).toMatchObject({ fromOrgId: ids.branch, toOrgId: ids.branch2, on: '2025-07-12' });
    expect(transferred.metadata).toMatchObject({
      actorId: 'system',
      causationId: assignment.id,
      correlationId: assignment.metadata.correlationId,
    });
    // The job id names the assignment event, since a person may be assigned more than once.
    const job = await t.app.get(Jobs).queue!.getJob(`${TRANSFER_PROBATIONARY_MEMBER}.${ids.li}.${assignment.id}`);
    expect(await job?.getState()).toBe('completed');
  });

  test('an approved conversion makes a full member; a cancellation removes the member', async () => {
    await step('oath', '2025-07-20');
    await at('2026-06-16');
    await step('observations', '2025-12-30', { summary: '半年考察' });
    await step('conversion-application', '2026-06-01');
    const meeting = (outcome: string) => ({
      outcome,
      votes: { entitled: 4, present: 4, writtenOpinions: 0, inFavour: 4, against: 0, abstain: 0 },
      ...(outcome === 'convert' ? { publicityFrom: '2026-06-08', publicityTo: '2026-06-12' } : {}),
    });
    await step('conversion-meeting', '2026-06-16', (person) => meeting(person === 'li' ? 'convert' : 'cancel'));
    await at('2026-07-10');
    await step('conversion-decision', '2026-07-06', { decision: 'approved' });

    await eventually('li', { category: 'full', status: 'active', joinedOn: '2025-06-16', orgId: ids.branch2 });
    await eventually('zhang', { status: 'removed' });
    expect(await memberEvents('li')).toEqual(['MemberEnrolled', 'MemberTransferred', 'MemberCategoryChanged']);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const [, , converted] = await store.readStream(memberStream(memberIdOf(ids.li)));
    expect(converted.data).toMatchObject({ category: 'full', on: '2026-06-16' }); // Party standing from expiry
    const [, removed] = await store.readStream(memberStream(memberIdOf(ids.zhang)));
    expect(removed.data).toMatchObject({ reason: 'probation_cancelled', on: '2026-07-06' });
  });

  test('a replay of the policy, even after the queue forgot its jobs, appends nothing twice', async () => {
    const jobs = t.app.get(Jobs);
    const queue = jobs.queue!;
    const runner = jobs.policyRunner!;
    const store = t.app.get<EventStore>(EVENT_STORE);
    const li = ids.li;
    // Roster life goes on after the assignment: the branch moves Li back by hand. A replayed transfer
    // job must not undo that (a transfer recorded after the assignment has the last word).
    await post(`/members/${memberIdOf(li)}/transfer`, { toOrgId: ids.branch, toUnitId: ids.unit, on: '2026-07-10' });
    const storeHead = await store.headPosition();
    const assignment = (await store.readStream(`development-${li}`)).find(
      (e) => e.type === 'AssignedToBranchAndGroup',
    )!;
    const transferJob = `${TRANSFER_PROBATIONARY_MEMBER}.${li}.${assignment.id}`;
    const finished = async (id: string) => (await queue.getJob(id))?.finishedOn;
    const before = await finished(`${ENROL_PROBATIONARY_MEMBER}.${li}`);
    expect(before).toBeDefined();
    const transferredBefore = await finished(transferJob);
    expect(transferredBefore).toBeDefined();

    // While BullMQ keeps the completed jobs, their ids absorb the replay.
    await runner.replay(probationaryMembershipPolicy.name);
    expect(await runner.waitFor(storeHead, 60_000)).toBe(true);
    expect(await finished(`${ENROL_PROBATIONARY_MEMBER}.${li}`)).toBe(before);
    expect(await finished(transferJob)).toBe(transferredBefore);

    // Once the queue has dropped them, the jobs run again, and the handlers' re-checks find the work done.
    const replayed = [`${ENROL_PROBATIONARY_MEMBER}.${li}`, transferJob, `${CONVERT_PROBATIONARY_MEMBER}.${li}`];
    for (const id of replayed) await queue.remove(id);
    await runner.replay(probationaryMembershipPolicy.name);
    expect(await runner.waitFor(storeHead, 60_000)).toBe(true);
    const deadline = Date.now() + 60_000;
    while ((await Promise.all(replayed.map(finished))).includes(undefined)) {
      if (Date.now() > deadline) throw new Error('the replayed jobs did not run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const id of replayed) expect(await (await queue.getJob(id))?.getState()).toBe('completed');
    // No second transfer by the job: only the assignment's and the one by hand.
    expect(await memberEvents('li')).toEqual([
      'MemberEnrolled',
      'MemberTransferred',
      'MemberCategoryChanged',
      'MemberTransferred',
    ]);
    expect(await memberRow('li')).toMatchObject({ orgId: ids.branch, category: 'full' });
    expect(await memberEvents('zhang')).toEqual(['MemberEnrolled', 'MemberRemoved']);
    expect(await store.headPosition()).toBe(storeHead);
  });

  test('a start-up with a policy whose job has no handler fails, naming the policy and the job', async () => {
    const careless: Policy = {
      ...probationaryMembershipPolicy,
      name: 'welcome-letters',
      jobs: ['send-welcome-letter'],
    };
    const start = startTestApp({
      overrides: [{ token: POLICIES, value: [...FEATURES.flatMap((feature) => feature.policies ?? []), careless] }],
    });
    // A StartupError: main.ts prints its message alone, with no stack trace, and exits with 1.
    await expect(start).rejects.toBeInstanceOf(StartupError);
    await expect(start).rejects.toThrow(
      'policy "welcome-letters" may schedule job "send-welcome-letter", but no job handler is named "send-welcome-letter"',
    );
  });
});
