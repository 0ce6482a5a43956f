import { refusedWithoutWriting } from '../support/refusals.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { OrganizationalLifeFacts } from '../../src/organizational-life/organizational-life.facts.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * Organisational life through the API: a secretary records its branch's meetings with attendance from the
 * roster of the day; a general meeting's quorum is checked (recorded but flagged when short, and then it
 * meets no B1); the month grid, the obligations B1–B7 and the read door follow; bad input and other
 * roles' writes are refused without writing anything; typical cases are submitted and selected by the bureau.
 */
describe('organisational life (e2e)', () => {
  const clock = new ManualClock('2027-01-10T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const full: string[] = [];
  const tokens: Record<string, string> = {};

  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body as { id: string };
  };
  const meeting = (kind: string, heldOn: string, present: string[], more: object = {}) => ({
    orgId: ids.branch,
    kind,
    heldOn,
    topic: '学习贯彻党的二十届四中全会精神',
    attendance: { present, absentWithLeave: [], absent: [] },
    ...more,
  });
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.requestAs(tokens[who], method, path, body);
  /** A refused write answers `status` with `code` and writes nothing. */
  const refused = async (response: Promise<TestResponse>, status: number, code: string, field?: string) =>
    (await refusedWithoutWriting(store, response, status, code, field)).body;
  const openObligations = async (code: string) =>
    (
      (await t.request('GET', `/obligations?filter=${JSON.stringify({ code, orgId: ids.branch })}&range=[0,99]`))
        .body as { id: string; dueOn: string }[]
    ).map((o) => o.id);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, bureau, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, bureau, branch });
    full.push(
      ...(await enrolMembers(post, { orgId: branch, unitId: unit }, [
        { name: '王芳' },
        { name: '赵强' },
        { name: '孙丽' },
        { name: '周杰' },
        { name: '吴刚' },
        { name: '郑敏' },
      ])),
    );
    [ids.probationary] = await enrolMembers(post, { orgId: branch, unitId: unit }, [
      { name: '陈晨', category: 'probationary' },
    ]);
    ids.otherUnit = (await post('/units', { name: '东槐院小学', type: 'public_school' })).id;
    ids.other = await addBranch(post, {
      name: '东槐院小学党支部',
      bureau,
      unit: ids.otherUnit,
      foundedOn: '2015-01-01',
    });
    [ids.stranger] = await enrolMembers(post, { orgId: ids.other, unitId: ids.otherUnit }, [{ name: '钱芳' }]);
    tokens.secretary = await t.userWithRole('secretary', { orgIds: [branch] });
    tokens.otherSecretary = await t.userWithRole('secretary', { orgIds: [ids.other] });
    tokens.auditor = await t.userWithRole('auditor');
    tokens.instructor = await t.userWithRole('instructor', { unitIds: [ids.otherUnit] });
  });
  afterAll(async () => t.close());

  test('a quorate general meeting (4 of 6 full members) is recorded, fills the grid and meets the quarter’s B1', async () => {
    const answer = await as(
      'secretary',
      'POST',
      '/organizational-life/meetings',
      meeting('branch_general_meeting', '2026-10-16', [...full.slice(0, 4), ids.probationary], {
        attendance: {
          present: [...full.slice(0, 4), ids.probationary],
          absentWithLeave: [full[4]],
          absent: [full[5]],
        },
      }),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      kind: 'branch_general_meeting',
      counts: true,
      quorum: { entitled: 6, present: 4, probationaryPresent: 1, required: 4, quorate: true },
      presentCount: 5,
      absentWithLeaveCount: 1,
      absentCount: 1,
    });
    expect(answer.body.warning).toBeUndefined();
    ids.quorate = answer.body.id;

    const grid = await as('secretary', 'GET', `/organizational-life/branches/${ids.branch}/grid?year=2026`);
    expect(grid.status).toBe(200);
    const general = grid.body.rows.find((r: { kind: string }) => r.kind === 'branch_general_meeting');
    expect(general.cells[9]).toMatchObject({ month: '2026-10', held: 1, status: 'held' });
    expect(general.periods.find((p: { period: string }) => p.period === '2026-Q4').status).toBe('held');
    expect(await openObligations('B1')).not.toContain(`organizational-life.B1.${ids.branch}.2026-Q4`);
  });

  test('exactly half present (3 of 6) is recorded but not quorate: the answer names the rule, and B1 stays open', async () => {
    const answer = await as(
      'secretary',
      'POST',
      '/organizational-life/meetings',
      meeting('branch_general_meeting', '2027-01-08', [...full.slice(0, 3), ids.probationary]),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      counts: false,
      quorum: { entitled: 6, present: 3, required: 4, quorate: false },
      warning: { code: 'orglife.not-quorate', messages: { zh: expect.stringContaining('半数以上') } },
    });
    expect(await openObligations('B1')).toContain(`organizational-life.B1.${ids.branch}.2027-Q1`);
    const grid = await as('secretary', 'GET', `/organizational-life/branches/${ids.branch}/grid?year=2027`);
    const general = grid.body.rows.find((r: { kind: string }) => r.kind === 'branch_general_meeting');
    expect(general.cells[0]).toMatchObject({ held: 0, notQuorate: 1, status: 'open' });
  });

  test('the month grid marks months without a theme Party day as missing, and B5 publishes them', async () => {
    await as('secretary', 'POST', '/organizational-life/meetings', meeting('theme_party_day', '2026-11-10', full));
    const grid = await as('auditor', 'GET', `/organizational-life/branches/${ids.branch}/grid?year=2026`);
    const themeDay = grid.body.rows.find((r: { kind: string }) => r.kind === 'theme_party_day');
    expect(themeDay.cells.slice(9).map((c: { status: string }) => c.status)).toEqual(['missing', 'held', 'missing']);
    const open = await openObligations('B5');
    expect(open).toEqual(
      expect.arrayContaining([
        `organizational-life.B5.${ids.branch}.2026-10`,
        `organizational-life.B5.${ids.branch}.2026-12`,
        `organizational-life.B5.${ids.branch}.2027-01`,
      ]),
    );
    expect(open).not.toContain(`organizational-life.B5.${ids.branch}.2026-11`);
    // No committee elected: no B2; no group leader: no B3.
    expect(await openObligations('B2')).toEqual([]);
    expect(await openObligations('B3')).toEqual([]);
  });

  test('bad input is refused with a clear 4xx and writes nothing', async () => {
    const path = '/organizational-life/meetings';
    await refused(
      as('secretary', 'POST', path, meeting('theme_party_day', '2026-12-01', [full[0], ids.stranger])),
      422,
      'orglife.not-on-roster',
      'attendance.present',
    );
    await refused(
      as('secretary', 'POST', path, meeting('theme_party_day', '2026-12-01', [full[0], full[0]])),
      422,
      'orglife.attendance-twice',
    );
    await refused(
      as('secretary', 'POST', path, meeting('theme_party_day', '2027-02-01', [full[0]])),
      422,
      'orglife.date-in-future',
      'heldOn',
    );
    const invalid = await refused(
      as('secretary', 'POST', path, meeting('tea_party', '2026-12-01', [full[0]])),
      400,
      'validation.failed',
      'kind',
    );
    expect(invalid.fieldMessages.kind).toEqual({ zh: expect.any(String), en: expect.any(String) });
    await refused(
      as('secretary', 'POST', path, { ...meeting('theme_party_day', '2026-12-01', ['not-an-id']) }),
      400,
      'validation.failed',
    );
    await refused(
      as('secretary', 'POST', path, meeting('party_lesson', '2026-12-01', [full[0]])),
      422,
      'orglife.lesson-needs-lecturer',
      'lecturers',
    );
    await refused(
      as('secretary', 'GET', `/organizational-life/branches/${ids.branch}/grid?year=twenty`),
      400,
      'validation.failed',
    );
  });

  test('roles: another branch’s secretary and the auditor may not record; scoped reads', async () => {
    const body = meeting('theme_party_day', '2026-12-02', [full[0]]);
    await refused(as('otherSecretary', 'POST', '/organizational-life/meetings', body), 403, 'access.out-of-scope');
    const auditor = await as('auditor', 'POST', '/organizational-life/meetings', body);
    expect(auditor.status).toBe(403);
    const mine = await as('secretary', 'GET', '/organizational-life/meetings?range=[0,99]');
    expect(mine.body.length).toBeGreaterThanOrEqual(3);
    expect((await as('otherSecretary', 'GET', '/organizational-life/meetings?range=[0,99]')).body).toEqual([]);
    expect((await as('instructor', 'GET', '/organizational-life/meetings?range=[0,99]')).body).toEqual([]);
    expect((await as('otherSecretary', 'GET', `/organizational-life/meetings/${ids.quorate}`)).status).toBe(403);
    expect(
      (await as('otherSecretary', 'GET', `/organizational-life/branches/${ids.branch}/grid?year=2026`)).status,
    ).toBe(403);
    expect((await as('auditor', 'GET', `/organizational-life/meetings/${ids.quorate}`)).status).toBe(200);
    const branches = await as('secretary', 'GET', '/organizational-life/branches?range=[0,99]');
    expect(branches.body).toEqual([
      expect.objectContaining({
        id: ids.branch,
        name: '桥山中学党支部',
        hasCommittee: false,
        lastHeldOn: '2026-11-10',
      }),
    ]);
    expect(branches.body[0]).toMatchObject({ heldThisYear: 0, missedThisYear: 0 });
    expect((await as('auditor', 'GET', '/organizational-life/branches?range=[0,99]')).body).toHaveLength(2);
  });

  test('a rotating Party lesson by a lesson group, then the secretary’s comment', async () => {
    const lesson = await as(
      'secretary',
      'POST',
      '/organizational-life/meetings',
      meeting('party_lesson', '2026-12-05', full, { lecturers: [full[1], full[2]], lessonGroup: '青年教师讲课小组' }),
    );
    expect([lesson.status, lesson.body.lecturers, lesson.body.lessonGroup]).toEqual([
      201,
      [full[1], full[2]],
      '青年教师讲课小组',
    ]);
    const commented = await as('secretary', 'POST', `/organizational-life/meetings/${lesson.body.id}/comment`, {
      comment: '结合教学实际，讲得生动',
      on: '2026-12-06',
    });
    expect([commented.status, commented.body.comment]).toEqual([201, '结合教学实际，讲得生动']);
    // A second comment written against the revision before the first one is a conflict, not a silent overwrite.
    await refused(
      as('secretary', 'POST', `/organizational-life/meetings/${lesson.body.id}/comment`, {
        comment: '再补充一点',
        on: '2026-12-07',
        expectedRevision: 0,
      }),
      409,
      'concurrency.conflict',
    );
    await refused(
      as('secretary', 'POST', `/organizational-life/meetings/${ids.quorate}/comment`, {
        comment: '好',
        on: '2026-12-06',
      }),
      422,
      'orglife.not-a-lesson',
    );
    await refused(
      as('otherSecretary', 'POST', `/organizational-life/meetings/${lesson.body.id}/comment`, {
        comment: '好',
        on: '2026-12-06',
      }),
      403,
      'access.out-of-scope',
    );
  });

  test('the activity log names the meeting and the members in its attendance', async () => {
    const log = await t.request('GET', `/activity?filter=${JSON.stringify({ stream: `orglife-${ids.quorate}` })}`);
    expect(log.body).toEqual([
      expect.objectContaining({
        type: 'OrgLifeMeetingRecorded',
        subject: { kind: 'meeting', id: ids.quorate },
        unitIds: [ids.unit],
        names: expect.objectContaining({
          [`meeting:${ids.quorate}`]: '学习贯彻党的二十届四中全会精神',
          [`member:${full[0]}`]: '王芳',
          [`organization:${ids.branch}`]: '桥山中学党支部',
        }),
      }),
    ]);
  });

  test('export: CSV with a BOM and Chinese headers, scoped like the list', async () => {
    const exported = async (who: string) => {
      const csv = await fetch(`${t.api}/organizational-life/export?format=csv`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return bytes.subarray(3).toString('utf8').trim().split('\r\n');
    };
    const lines = await exported('secretary');
    expect(lines[0]).toBe('日期,党组织,类型,主题,出席,请假,缺席,达到法定人数,计入,讲课小组,书记点评');
    expect(lines.some((line) => line.includes('支部党员大会') && line.includes(',否,否,'))).toBe(true);
    expect(await exported('otherSecretary')).toHaveLength(1);
  });

  test('the roster of a day, for the attendance picker', async () => {
    const roster = await as('secretary', 'GET', `/organizational-life/branches/${ids.branch}/roster?on=2026-10-16`);
    expect(roster.status).toBe(200);
    expect(roster.body).toHaveLength(7);
    expect(roster.body).toContainEqual({ id: ids.probationary, category: 'probationary', name: '陈晨' });
  });

  test('the read door counts per organisation and unit with the events behind them', () => {
    const facts = t.app.get(OrganizationalLifeFacts);
    const held = facts.meetingsHeld({ unitId: ids.unit }, '2026-10-01', '2026-12-31');
    const general = held.find((k) => k.kind === 'branch_general_meeting')!;
    expect(general.held).toBe(1);
    expect(general.meetings).toEqual([
      { meetingId: ids.quorate, eventId: expect.any(String), heldOn: '2026-10-16', orgId: ids.branch, counts: true },
    ]);
    const periods = facts.obligationsOf(ids.branch, 2026, '2027-01-10');
    expect(periods.find((p) => p.code === 'B1' && p.period === '2026-Q4')).toMatchObject({
      status: 'held',
      meetings: [expect.objectContaining({ meetingId: ids.quorate })],
    });
    expect(periods.find((p) => p.code === 'B5' && p.period === '2026-10')?.status).toBe('missing');
  });

  test('typical cases: a secretary submits, only the bureau selects, once', async () => {
    const submitted = await as('secretary', 'POST', '/organizational-life/typical-cases', {
      orgId: ids.branch,
      unitId: ids.unit,
      title: '党员示范岗引领课堂改革',
      summary: '支部党员教师带头开展课堂教学改革，形成可推广经验。',
      submittedOn: '2026-12-10',
    });
    expect([submitted.status, submitted.body.status, submitted.body.unitName]).toEqual([201, 'submitted', '桥山中学']);
    const path = `/organizational-life/typical-cases/${submitted.body.id}/select`;
    const choice = { conferenceYear: 2026, note: '在年度党建工作会议上交流', on: '2026-12-20' };
    expect((await as('secretary', 'POST', path, choice)).status).toBe(403);
    const selected = await t.request('POST', path, choice);
    expect([selected.status, selected.body.status, selected.body.conferenceYear]).toEqual([201, 'selected', 2026]);
    await refused(t.request('POST', path, choice), 409, 'typical-case.already-selected');
    await refused(
      as('secretary', 'POST', '/organizational-life/typical-cases', {
        orgId: ids.branch,
        unitId: ids.otherUnit,
        title: '别人的案例',
        summary: '—',
        submittedOn: '2026-12-10',
      }),
      422,
      'typical-case.unit-not-covered',
      'unitId',
    );
    expect(t.app.get(OrganizationalLifeFacts).selectedCases(2026)).toEqual([
      expect.objectContaining({ caseId: submitted.body.id, unitId: ids.unit, selectedEventId: expect.any(String) }),
    ]);
  });
});
