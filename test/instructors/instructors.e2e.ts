import { refusedWithoutWriting, signedInUser } from '../support/refusals.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { InstructorsFacts } from '../../src/instructors/instructors.facts.js';

/**
 * Instructors end to end: the bureau dispatches, an instructor logs visits only for the units they are
 * dispatched to, the calendar tells visited, missed and due months, C1 and C6 are published as
 * obligations, an affiliated organisation confirms its months; bad input and the wrong role write nothing.
 */
describe('instructors: dispatches, visits, missed months, confirmations (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  // 2026-11-23 10:00 in Asia/Shanghai
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.requestAs(tokens[who], method, path, body);

  const expectRefused = (response: Promise<TestResponse>, status: number, code: string, field?: string) =>
    refusedWithoutWriting(store, response, status, code, field);

  const user = async (username: string, role: string, scope: { orgIds?: string[]; unitIds?: string[] } = {}) => {
    tokens[username] = await signedInUser(t, username, role, scope);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get(EVENT_STORE);
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([response.status, response.body]).toEqual([201, expect.anything()]);
      return response.body.id as string;
    };
    ids.xinghua = await post('/units', { name: '兴华学校', type: 'private_school' });
    ids.chuying = await post('/units', { name: '雏鹰学校', type: 'private_school' });
    ids.mengyuan = await post('/units', { name: '梦圆幼儿园', type: 'private_kindergarten' });
    ids.bureau = await post('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    ids.host = await post('/party-organizations', {
      name: '教育局第一挂靠党支部',
      kind: 'affiliated_party_org',
      parentId: ids.bureau,
      foundedOn: '2019-09-10',
    });
    ids.otherHost = await post('/party-organizations', {
      name: '教育局第二挂靠党支部',
      kind: 'affiliated_party_org',
      parentId: ids.bureau,
      foundedOn: '2019-09-10',
    });
    expect(
      (await t.request('POST', `/units/${ids.mengyuan}/affiliation`, { hostOrgId: ids.host, on: '2026-01-01' })).status,
    ).toBe(201);
    await user('zhidaoyuan-a', 'instructor', { unitIds: [ids.xinghua] });
    await user('zhidaoyuan-b', 'instructor', { unitIds: [ids.chuying] });
    await user('ganshi', 'bureau_staff');
    await user('shuji-host', 'secretary', { orgIds: [ids.host] });
    await user('shuji-other', 'secretary', { orgIds: [ids.otherHost] });
  });
  afterAll(async () => t.close());

  test('the bureau dispatches an instructor to a unit; the event names the unit and its business date', async () => {
    const created = await as('ganshi', 'POST', '/instructors/dispatches', {
      instructorId: 'zhidaoyuan-a',
      unitId: ids.xinghua,
      startOn: '2026-06-01',
    });
    expect(created.status).toBe(201);
    ids.dispatchA = created.body.id;
    expect(created.body).toMatchObject({
      stream: 'instructor-zhidaoyuan-a',
      events: [{ type: 'InstructorDispatched' }],
    });
    const [event] = await store.readStream('instructor-zhidaoyuan-a');
    expect(event.metadata).toMatchObject({ unitIds: [ids.xinghua], occurredAt: '2026-05-31T16:00:00.000Z' });
    const b = await t.request('POST', '/instructors/dispatches', {
      instructorId: 'zhidaoyuan-b',
      unitId: ids.chuying,
      startOn: '2026-10-15',
      note: '新派驻',
    });
    expect(b.status).toBe(201);
    const shown = await as('zhidaoyuan-a', 'GET', `/instructors/dispatches/${ids.dispatchA}`);
    expect(shown.body).toMatchObject({ instructorName: 'zhidaoyuan-a 名', unitName: '兴华学校', endOn: null });
    const people = await t.request('GET', '/instructors/people');
    expect(people.body.map((p: { id: string }) => p.id)).toEqual(['zhidaoyuan-a', 'zhidaoyuan-b']);
  });

  test('bad dispatches are refused with the field at fault and write nothing', async () => {
    const dispatch = (body: object) =>
      t.request('POST', '/instructors/dispatches', {
        instructorId: 'zhidaoyuan-a',
        unitId: ids.chuying,
        startOn: '2026-06-01',
        ...body,
      });
    await expectRefused(dispatch({ instructorId: 'ganshi' }), 422, 'instructors.not-an-instructor', 'instructorId');
    await expectRefused(
      dispatch({ unitId: '99999999-9999-4999-8999-999999999999' }),
      422,
      'instructors.unit-unknown',
      'unitId',
    );
    await expectRefused(dispatch({ startOn: '2026-02-30' }), 400, 'validation.failed', 'startOn');
    await expectRefused(dispatch({ endOn: '2026-05-01' }), 422, 'instructors.end-before-start', 'endOn');
    await expectRefused(
      dispatch({ unitId: ids.xinghua, startOn: '2026-09-01' }),
      409,
      'instructors.already-dispatched',
      'unitId',
    );
    await expectRefused(dispatch({ extra: 1 }), 400, 'validation.failed', 'extra');
    await expectRefused(
      as('zhidaoyuan-a', 'POST', '/instructors/dispatches', {
        instructorId: 'zhidaoyuan-a',
        unitId: ids.chuying,
        startOn: '2026-06-01',
      }),
      403,
      'access.denied',
    );
  });

  test('an instructor logs visits only to the units dispatched to, on days of the dispatch', async () => {
    const visit = (who: string, body: object) =>
      as(who, 'POST', '/instructors/visits', {
        unitId: ids.xinghua,
        visitedOn: '2026-11-05',
        duties: ['publicise_policy', 'help_build_activity_room'],
        ...body,
      });
    const logged = await visit('zhidaoyuan-a', { note: '座谈，检查党群活动室' });
    expect(logged.status).toBe(201);
    const [, event] = await store.readStream('instructor-zhidaoyuan-a');
    expect(event).toMatchObject({
      type: 'InstructorVisitLogged',
      data: { instructorId: 'zhidaoyuan-a', unitId: ids.xinghua, dispatchId: ids.dispatchA, visitedOn: '2026-11-05' },
      metadata: { unitIds: [ids.xinghua], actorId: 'zhidaoyuan-a' },
    });
    await expectRefused(
      visit('zhidaoyuan-a', { unitId: ids.chuying }),
      403,
      'instructors.unit-not-dispatched',
      'unitId',
    );
    await expectRefused(
      visit('zhidaoyuan-a', { visitedOn: '2026-05-20' }),
      422,
      'instructors.visit-outside-dispatch',
      'visitedOn',
    );
    await expectRefused(
      visit('zhidaoyuan-a', { visitedOn: '2026-11-24' }),
      422,
      'instructors.date-in-future',
      'visitedOn',
    );
    await expectRefused(visit('zhidaoyuan-a', {}), 409, 'instructors.visit-duplicate', 'visitedOn');
    await expectRefused(visit('zhidaoyuan-a', { duties: [] }), 400, 'validation.failed', 'duties');
    await expectRefused(visit('zhidaoyuan-a', { duties: ['make_tea'] }), 400, 'validation.failed', 'duties.0');
    await expectRefused(
      visit('zhidaoyuan-a', { instructorId: 'zhidaoyuan-b' }),
      403,
      'instructors.not-your-visit',
      'instructorId',
    );
    await expectRefused(visit('shuji-host', {}), 403, 'access.denied');
    // The bureau logs on an instructor's behalf, naming them.
    await expectRefused(visit('ganshi', { visitedOn: '2026-07-10' }), 400, 'validation.failed', 'instructorId');
    expect((await visit('ganshi', { instructorId: 'zhidaoyuan-a', visitedOn: '2026-07-10' })).status).toBe(201);
    // Each sees only their own visits; the bureau all.
    expect((await as('zhidaoyuan-b', 'GET', '/instructors/visits')).body).toEqual([]);
    const mine = await as('zhidaoyuan-a', 'GET', '/instructors/visits');
    expect(mine.body.map((v: { visitedOn: string; loggedBy: string }) => [v.visitedOn, v.loggedBy])).toEqual([
      ['2026-11-05', 'zhidaoyuan-a'],
      ['2026-07-10', 'ganshi'],
    ]);
    expect(mine.headers.get('content-range')).toBe('instructor-visits 0-1/2');
  });

  test('the calendar: visited months green, whole months without a visit missed, the current month due', async () => {
    const calendar = await as('zhidaoyuan-a', 'GET', '/instructors/calendar?to=2026-11&months=7');
    expect(calendar.status).toBe(200);
    expect(calendar.body.months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(calendar.body.rows).toHaveLength(1);
    const [row] = calendar.body.rows;
    expect(row).toMatchObject({ instructorId: 'zhidaoyuan-a', unitName: '兴华学校', visited: 2, missed: 4, due: 0 });
    expect(row.cells.map((c: { status: string }) => c.status)).toEqual([
      'none',
      'missed',
      'visited',
      'missed',
      'missed',
      'missed',
      'visited',
    ]);
    expect(row.cells[6]).toMatchObject({ visits: 1, visitDays: ['2026-11-05'] });
    // B's dispatch began mid-October: October counts (dispatched for part of it) and is missed; November is due.
    const b = await t.request('GET', '/instructors/calendar?instructorId=zhidaoyuan-b&months=3');
    expect(b.body.rows[0].cells.map((c: { status: string }) => c.status)).toEqual(['none', 'missed', 'due']);
    await expectRefused(
      as('zhidaoyuan-a', 'GET', '/instructors/calendar?instructorId=zhidaoyuan-b'),
      403,
      'instructors.not-your-calendar',
      'instructorId',
    );
    await expectRefused(t.request('GET', '/instructors/calendar?months=0'), 400, 'validation.failed', 'months');
    await expectRefused(t.request('GET', '/instructors/calendar?to=2026-13'), 400, 'validation.failed', 'to');
    // A secretary does not read the instructors' calendar (its organisation's confirmations are its part).
    await expectRefused(as('shuji-host', 'GET', '/instructors/calendar'), 403, 'access.denied');
    const overview = await t.request('GET', '/instructors/calendar/overview?to=2026-11&months=7');
    expect(overview.body.instructors).toEqual([
      { instructorId: 'zhidaoyuan-a', instructorName: 'zhidaoyuan-a 名', units: 1, visited: 2, missed: 4, due: 0 },
      { instructorId: 'zhidaoyuan-b', instructorName: 'zhidaoyuan-b 名', units: 1, visited: 0, missed: 1, due: 1 },
    ]);
    const missed = await t.request('GET', '/instructors/missed-months?instructorId=zhidaoyuan-a&to=2026-11&months=7');
    expect(missed.body.map((m: { month: string }) => m.month)).toEqual(['2026-06', '2026-08', '2026-09', '2026-10']);
  });

  test('C1 and C6 are published as obligations: missed months overdue, the current month open', async () => {
    const c1 = await t.request(
      'GET',
      `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'C1' }))}&range=[0,99]`,
    );
    expect(c1.status).toBe(200);
    const owed = c1.body.map((o: { id: string; dueOn: string; overdue: boolean }) => [o.id, o.dueOn, o.overdue]);
    expect(owed).toEqual([
      [`instructors.C1.zhidaoyuan-a.${ids.xinghua}.2026-06`, '2026-06-30', true],
      [`instructors.C1.zhidaoyuan-a.${ids.xinghua}.2026-08`, '2026-08-31', true],
      [`instructors.C1.zhidaoyuan-a.${ids.xinghua}.2026-09`, '2026-09-30', true],
      [`instructors.C1.zhidaoyuan-a.${ids.xinghua}.2026-10`, '2026-10-31', true],
      [`instructors.C1.zhidaoyuan-b.${ids.chuying}.2026-10`, '2026-10-31', true],
      [`instructors.C1.zhidaoyuan-b.${ids.chuying}.2026-11`, '2026-11-30', false],
    ]);
    expect(c1.body[0]).toMatchObject({ source: 'instructors', who: 'party_building_instructor', unitId: ids.xinghua });
    // An instructor sees those of their units (the obligations list scopes by the granted units).
    const b = await as(
      'zhidaoyuan-b',
      'GET',
      `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'C1' }))}`,
    );
    expect(b.body.map((o: { unitId: string }) => o.unitId)).toEqual([ids.chuying, ids.chuying]);
    const c6 = await t.request(
      'GET',
      `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'C6' }))}&range=[0,99]`,
    );
    expect(c6.body).toHaveLength(11);
    expect(c6.body[10]).toMatchObject({
      id: `instructors.C6.${ids.host}.2026-11`,
      orgId: ids.host,
      unitId: ids.mengyuan,
      overdue: false,
    });
  });

  test('ending a dispatch: not before a logged visit, and once', async () => {
    const end = (body: object) => t.request('POST', `/instructors/dispatches/${ids.dispatchA}/end`, body);
    await expectRefused(end({ endOn: '2026-11-04' }), 422, 'instructors.visits-after-end', 'endOn');
    await expectRefused(end({ endOn: '2026-11-30', expectedRevision: 0 }), 409, 'concurrency.conflict');
    await expectRefused(
      t.request('POST', '/instructors/dispatches/99999999-9999-4999-8999-999999999999/end', { endOn: '2026-11-30' }),
      404,
      'not-found',
    );
    expect((await end({ endOn: '2026-11-30', reason: '任期届满' })).status).toBe(201);
    await expectRefused(end({ endOn: '2026-11-30' }), 409, 'instructors.dispatch-already-ended', 'endOn');
    // The next month owes nothing any more.
    // (Sessions end after a while: sign in again once the clock has moved.)
    clock.set('2026-12-02T02:00:00.000Z');
    try {
      const admin = await t.login('admin', ADMIN_PASSWORD);
      const calendarOf = async (who: string) =>
        (await t.requestAs(admin, 'GET', `/instructors/calendar?instructorId=${who}&months=2`)).body.rows[0].cells.map(
          (c: { status: string }) => c.status,
        );
      expect(await calendarOf('zhidaoyuan-a')).toEqual(['visited', 'none']);
      expect(await calendarOf('zhidaoyuan-b')).toEqual(['missed', 'due']);
    } finally {
      clock.set('2026-11-23T02:00:00.000Z');
    }
  });

  test('an affiliated organisation confirms its month once; others and months to come are refused', async () => {
    const confirm = (who: string, body: object) =>
      as(who, 'POST', '/instructors/org-life-confirmations', { orgId: ids.host, month: '2026-11', ...body });
    expect((await confirm('shuji-host', { note: '梦圆幼儿园党员按时参加挂靠支部主题党日' })).status).toBe(201);
    await expectRefused(confirm('shuji-host', {}), 409, 'instructors.month-already-confirmed', 'month');
    await expectRefused(confirm('shuji-host', { month: '2026-12' }), 422, 'instructors.month-in-future', 'month');
    await expectRefused(confirm('shuji-host', { month: '2025-12' }), 422, 'instructors.org-hosts-no-units', 'orgId');
    await expectRefused(confirm('shuji-host', { month: '2026-1' }), 400, 'validation.failed', 'month');
    await expectRefused(confirm('shuji-other', {}), 403, 'access.out-of-scope');
    await expectRefused(confirm('zhidaoyuan-a', {}), 403, 'access.denied');
    const grid = await as('shuji-host', 'GET', '/instructors/org-life-confirmations?to=2026-11&months=3');
    expect(grid.body.organisations).toHaveLength(1);
    expect(grid.body.organisations[0].cells.map((c: { status: string }) => c.status)).toEqual([
      'missing',
      'missing',
      'confirmed',
    ]);
    expect((await as('shuji-other', 'GET', '/instructors/org-life-confirmations')).body.organisations).toEqual([]);
  });

  test('the read door answers per unit and period with the event ids and dates behind each count', async () => {
    const facts = t.app.get(InstructorsFacts);
    const visits = facts.visits({ unitId: ids.xinghua }, '2026-01-01', '2026-12-31');
    expect(visits.count).toBe(2);
    expect(visits.visits.map((v) => v.visitedOn)).toEqual(['2026-07-10', '2026-11-05']);
    const events = await store.readStream('instructor-zhidaoyuan-a');
    expect(visits.visits.map((v) => v.eventId)).toEqual(
      events
        .filter((e) => e.type === 'InstructorVisitLogged')
        .map((e) => e.id)
        .reverse(),
    );
    const [months] = facts.visitMonths({ unitId: ids.xinghua }, '2026-06', '2026-08');
    expect(months.cells.map((c) => [c.month, c.status, c.visitEventIds.length])).toEqual([
      ['2026-06', 'missed', 0],
      ['2026-07', 'visited', 1],
      ['2026-08', 'missed', 0],
    ]);
    expect(facts.dispatches({ unitId: ids.xinghua })).toMatchObject([
      { instructorId: 'zhidaoyuan-a', endOn: '2026-11-30' },
    ]);
    const confirmations = facts.confirmations(ids.host, '2026-10', '2026-11');
    expect(confirmations?.cells.map((c) => [c.month, c.status, c.eventId === null])).toEqual([
      ['2026-10', 'missing', true],
      ['2026-11', 'confirmed', false],
    ]);
  });
});
