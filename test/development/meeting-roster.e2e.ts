import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * Step 15's counts against the roster the system knows, as it was on the meeting's day: probationary
 * members who attended are recorded apart (they speak, but neither vote nor make the quorum) and cannot
 * outnumber the branch's probationers that day; the entitled voters, its full members that day. The
 * meeting is entered some days after it was held, after the roster changed.
 */
describe('development: a branch meeting’s counts against its roster on the day (e2e)', () => {
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
    post(`/development/cases/${ids.person}/${path}`, { on, ...body });
  const vote = (votes: object) =>
    t.request('POST', `/development/cases/${ids.person}/admission-vote`, {
      on: '2025-04-01',
      resolution: 'admit',
      votes,
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, bureau, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, branch });
    ids.other = await addBranch(post, { name: '桥山中学第二党支部', bureau, unit, foundedOn: '2016-03-01' });
    [ids.m1, ids.m2, , , ids.m5] = await enrolMembers(post, { orgId: branch, unitId: unit }, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
      { name: '周杰' },
      { name: '吴刚' },
      { name: '陈晨', category: 'probationary' },
    ]);
    ids.person = (
      await post('/development/cases', {
        name: '李明',
        gender: 'male',
        birthDate: '1996-04-01',
        orgId: branch,
        unitId: unit,
        on: '2024-01-02',
      })
    ).id;
    await step('talk', '2024-01-10', { talkedBy: '王芳', summary: '了解入党动机' });
    await step('activist', '2024-02-01', { recommendation: 'member_recommendation' });
    await step('activist-filing', '2024-02-02');
    await step('contacts', '2024-02-02', { contactIds: [ids.m1, ids.m2] });
    await step('assessments', '2024-08-01', { summary: '半年考察：合格' });
    await step('candidate', '2025-02-10', { publicityFrom: '2025-01-20', publicityTo: '2025-01-24' });
    await step('candidate-filing', '2025-02-11');
    await step('introducers', '2025-02-12', { introducerIds: [ids.m1, ids.m2] });
    await step('political-review', '2025-03-01', { conclusion: 'passed', summary: '政治审查合格' });
    await step('training', '2025-03-05', { days: 3, classHours: 24, provider: '县委党校' });
    await step('branch-review', '2025-03-10', { conclusion: 'submit' });
    await step('pre-review', '2025-03-20', { conclusion: 'passed', leavingUnitOn: null });
    await step('admission-form', '2025-03-21');
    // After the meeting of 1 April: one full member moved to the other branch, a new probationer joined.
    await post(`/members/${ids.m5}/transfer`, { toOrgId: ids.other, toUnitId: unit, on: '2025-04-05' });
    await post('/members', {
      name: '刘洋',
      gender: 'male',
      orgId: branch,
      unitId: unit,
      category: 'probationary',
      joinedOn: '2025-04-03',
      teaches: true,
    });
  });
  afterAll(async () => t.close());

  test('more probationary members attending than the branch had that day: refused, nothing stored', async () => {
    const before = await store.headPosition();
    const counts = { entitled: 5, present: 5, writtenOpinions: 0, inFavour: 5, against: 0, abstain: 0 };
    const refused = await vote({ ...counts, probationaryPresent: 2 });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'development.vote-probationary-exceeds-roster',
      'votes.probationaryPresent',
    ]);
    expect(refused.body.messages.zh).toContain('预备党员人数（1）');
    const tooMany = await vote({ ...counts, entitled: 6, present: 6, inFavour: 6, probationaryPresent: 1 });
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'development.vote-entitled-exceeds-full-members']);
    expect(await store.headPosition()).toBe(before);
  });

  test('the five full members of the day vote, the probationer attends apart; the event keeps both', async () => {
    const counts = {
      entitled: 5,
      present: 5,
      writtenOpinions: 0,
      probationaryPresent: 1,
      inFavour: 5,
      against: 0,
      abstain: 0,
    };
    expect((await vote(counts)).status).toBe(201);
    const held = (await store.readStream(`development-${ids.person}`)).find((e) => e.type === 'AdmissionVoteHeld');
    expect((held!.data as { votes: object }).votes).toEqual(counts);
  });
});
