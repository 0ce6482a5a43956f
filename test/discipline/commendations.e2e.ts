import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * 两优一先 end to end: a branch's secretary nominates; a member in a sanction's period and the branch
 * whose member was sanctioned are vetoed with the reason's category and its end (no case details); the
 * quota and the due date are rules with names; publicity in working days, the decision, award events.
 */
describe('commendations (e2e)', () => {
  const clock = new ManualClock('2025-06-05T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  let secretary: string;
  let admin: string | undefined;
  const ids: Record<string, string> = {};
  /** Tokens are checked against the moving clock: sign in again on the new day. */
  const at = async (day: string) => {
    clock.set(new Date(`${day}T02:00:00Z`));
    admin = await t.login('admin', ADMIN_PASSWORD);
    secretary = await t.login('secretary-1', USER_PASSWORD);
  };
  const post = async (path: string, body: unknown, token = admin) => {
    const response = token ? await t.requestAs(token, 'POST', path, body) : await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body;
  };
  const nominate = (title: string, nomineeId: string) =>
    t.requestAs(secretary, 'POST', `/commendations/cycles/${ids.cycle}/nominations`, {
      title,
      nomineeId,
      merits: '教书育人成绩突出',
    });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, branch });
    [ids.m1, ids.m2, ids.m3] = await enrolMembers(post, { orgId: branch, unitId: unit }, [
      { name: '王芳' },
      { name: '赵强' },
      { name: '孙丽' },
    ]);
    const kase = (
      await post('/discipline/cases', {
        kind: 'misconduct',
        memberId: ids.m2,
        openedOn: '2025-01-02',
        summary: '违反工作纪律',
      })
    ).id;
    await post(`/discipline/cases/${kase}/sanctions`, {
      track: 'party',
      measure: 'warning',
      decidedOn: '2025-02-10',
      decidingBody: '中共蒲城县教育局委员会',
      documentNumber: '蒲教党纪〔2025〕2号',
    });
    ids.cycle = (
      await post('/commendations/cycles', {
        year: 2025,
        name: '2025年度“两优一先”评选',
        quotas: { outstanding_member: 1, outstanding_party_worker: 1, advanced_party_org: 1 },
        nominationsDueOn: '2025-06-10',
        decisionDueOn: '2025-06-30',
        openedOn: '2025-06-01',
      })
    ).id;
    secretary = await t.userWithRole('secretary', { orgIds: [branch] });
  });
  afterAll(async () => t.close());

  test('the one-vote veto refuses a member in a sanction’s period: the category and its end, not the case', async () => {
    const before = await store.headPosition();
    const refused = await nominate('outstanding_member', ids.m2);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([
      422,
      'commendations.one-vote-veto',
      'nomineeId',
    ]);
    expect(refused.body.messages.zh).toContain('党纪处分影响期内');
    expect(refused.body.messages.zh).toContain('2026-02-09');
    expect(refused.body.messages.zh).not.toContain('蒲教党纪');
    const org = await nominate('advanced_party_org', ids.branch);
    expect([org.status, org.body.code]).toEqual([422, 'commendations.one-vote-veto']);
    expect(await store.headPosition()).toBe(before);
  });

  test('a secretary nominates its member; the quota is a named rule; after the due date nominations close', async () => {
    await post(
      `/commendations/cycles/${ids.cycle}/nominations`,
      { title: 'outstanding_member', nomineeId: ids.m1, merits: '教书育人' },
      secretary,
    );
    const over = await nominate('outstanding_member', ids.m3);
    expect([over.status, over.body.code]).toEqual([422, 'commendations.quota-exceeded']);
    await at('2025-06-11');
    const late = await nominate('outstanding_party_worker', ids.m3);
    expect([late.status, late.body.code]).toEqual([422, 'commendations.nominations-closed']);
  });

  test('publicity in working days, then the decision awards each nominee as an event', async () => {
    const started = await post(`/commendations/cycles/${ids.cycle}/publicity`, { from: '2025-06-11' });
    expect(started.events.map((e: { type: string }) => e.type)).toEqual(['CommendationPublicityStarted']);
    await at('2025-06-20');
    const early = await t.requestAs(admin!, 'POST', `/commendations/cycles/${ids.cycle}/decision`, {
      decidedOn: '2025-06-17',
      decidingBody: '中共蒲城县教育局委员会',
      documentNumber: '蒲教党发〔2025〕30号',
    });
    expect([early.status, early.body.code]).toEqual([422, 'commendations.decision-before-publicity-ends']);
    const decided = await post(`/commendations/cycles/${ids.cycle}/decision`, {
      decidedOn: '2025-06-18',
      decidingBody: '中共蒲城县教育局委员会',
      documentNumber: '蒲教党发〔2025〕30号',
    });
    expect(decided.events.map((e: { type: string }) => e.type)).toEqual([
      'CommendationsDecided',
      'CommendationAwarded',
    ]);
    const board = (await t.requestAs(secretary, 'GET', `/commendations/cycles/${ids.cycle}`)).body;
    expect(board.publicityTo).toBe('2025-06-17');
    expect(board.nominationList.map((n: { nomineeName: string; status: string }) => [n.nomineeName, n.status])).toEqual(
      [['王芳', 'awarded']],
    );
    const awarded = (await store.readStream(`commendationCycle-${ids.cycle}`)).find(
      (e) => e.type === 'CommendationAwarded',
    )!;
    expect(awarded.metadata.unitIds).toEqual([ids.unit]);
  });
});
