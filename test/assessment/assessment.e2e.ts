import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

/** A rule set naming events the roster writes: a re-election deadline, members enrolled, an expulsion's veto. */
const rules = (pointsPerMember = 5) => ({
  title: { zh: '2026 年度党建工作目标责任考核细则', en: '2026 Party-building assessment rules' },
  sections: [
    {
      id: 'organisation',
      title: { zh: '组织建设', en: 'Organisation' },
      maxPoints: 80,
      indicators: [
        {
          id: 'committee-elected',
          title: { zh: '按期换届', en: 'Re-election on time' },
          kind: 'deadline',
          eventTypes: ['CommitteeElected'],
          due: '06-30',
          points: { onTime: 0, late: -5, missing: -10 },
        },
        {
          id: 'expulsion',
          title: { zh: '党员被开除党籍', en: 'A member expelled' },
          kind: 'veto',
          eventTypes: ['MemberRemoved'],
          filter: { data: { reason: 'expelled' } },
          capAt: 'average',
        },
      ],
    },
    {
      id: 'members',
      title: { zh: '党员队伍', en: 'Members' },
      maxPoints: 20,
      start: 'zero',
      indicators: [
        {
          id: 'enrolled',
          title: { zh: '党员登记', en: 'Members enrolled' },
          kind: 'count',
          eventTypes: ['MemberEnrolled'],
          pointsEach: pointsPerMember,
          cap: 10,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    { id: 'advanced', min: 90, name: { zh: '先进', en: 'Advanced' } },
    { id: 'good', min: 75, name: { zh: '较好', en: 'Good' } },
    { id: 'average', min: 60, name: { zh: '一般', en: 'Average' } },
    { id: 'lagging', min: 0, name: { zh: '后进', en: 'Lagging' } },
  ],
});

describe('the annual assessment: rules per year, scores from events (e2e)', () => {
  const clock = new ManualClock('2026-11-20T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([path, response.status]).toEqual([path, 201]);
    return response.body as { id: string };
  };
  const head = async () => (await store.headPosition()).toString();

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const school = await seedSchoolBranch(post, { school: '桥山中学' });
    ids.unitA = school.unit;
    ids.branchA = school.branch;
    ids.unitB = (await post('/units', { name: '城南学校', type: 'public_school' })).id;
    ids.branchB = await addBranch(post, {
      name: '城南学校党支部',
      bureau: school.bureau,
      unit: ids.unitB,
      foundedOn: '2012-03-01',
    });
    await post(`/party-organizations/${ids.branchA}/elect-committee`, { termStart: '2026-03-01' });
    await post(`/party-organizations/${ids.branchB}/elect-committee`, { termStart: '2026-08-01' });
    await enrolMembers(post, { orgId: ids.branchA, unitId: ids.unitA }, [{ name: '王芳' }, { name: '赵强' }]);
    [ids.memberB] = await enrolMembers(post, { orgId: ids.branchB, unitId: ids.unitB }, [{ name: '孙丽' }]);
    await post(`/members/${ids.memberB}/remove`, { reason: 'expelled', on: '2026-09-01' });
  }, 120_000);
  afterAll(async () => t?.close());

  test('the JSON Schema of a rule set is published', async () => {
    const response = await t.request('GET', '/assessment/ruleset-schema');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'object', required: expect.arrayContaining(['sections']) });
  });

  test('a refused rule set: 400 naming the JSON path of each error, in both languages, nothing written', async () => {
    const body = rules() as unknown as { sections: { indicators: Record<string, unknown>[] }[] };
    body.sections[1].indicators[0].pointsEach = -5;
    body.sections[0].indicators[0].due = '13-01';
    const before = await head();
    const response = await t.request('POST', '/assessment/rulesets/2026', { body });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fieldMessages).sort()).toEqual([
      '$.sections[0].indicators[0].due',
      '$.sections[1].indicators[0].pointsEach',
    ]);
    expect(response.body.fieldMessages['$.sections[0].indicators[0].due'].en).toMatch(/MM-DD/);
    expect(response.body.fieldMessages['$.sections[0].indicators[0].due'].zh).toMatch(/MM-DD/);
    const unknownType = rules() as unknown as { sections: { indicators: Record<string, unknown>[] }[] };
    unknownType.sections[0].indicators[1].eventTypes = ['MemberExpelledByMagic'];
    const refused = await t.request('POST', '/assessment/rulesets/2026', { body: unknownType });
    expect([refused.status, Object.keys(refused.body.fieldMessages)]).toEqual([
      400,
      ['$.sections[0].indicators[1].eventTypes[0]'],
    ]);
    expect(await head()).toBe(before);
    // Validating says the same without writing.
    const checked = await t.request('POST', '/assessment/rulesets/2026/validate', { body: unknownType });
    expect(checked.status).toBe(201);
    expect(checked.body).toMatchObject({
      valid: false,
      errors: [{ path: '$.sections[0].indicators[1].eventTypes[0]', code: 'unknown_event_type' }],
    });
    expect(await head()).toBe(before);
  });

  test('draft, edit at the revision read (a stale edit is a 409), no scores before a version is published', async () => {
    expect((await post('/assessment/rulesets/2026', { body: rules() })).id).toBe(2026);
    const again = await t.request('POST', '/assessment/rulesets/2026', { body: rules() });
    expect([again.status, again.body.code]).toEqual([409, 'assessment.ruleset-exists']);
    const draft = await t.request('GET', '/assessment/rulesets/2026');
    expect(draft.body).toMatchObject({ year: 2026, revision: 0, versions: [] });
    const edited = await t.request('POST', '/assessment/rulesets/2026/draft', { body: rules(), expectedRevision: 0 });
    expect([edited.status, edited.body.revision]).toEqual([201, 1]);
    const stale = await t.request('POST', '/assessment/rulesets/2026/draft', { body: rules(4), expectedRevision: 0 });
    expect([stale.status, stale.body.code]).toEqual([409, 'concurrency.conflict']);
    const none = await t.request('GET', '/assessment/scores?year=2026');
    expect([none.status, none.body]).toEqual([200, { year: 2026, version: null, rows: [] }]);
    const noScore = await t.request('GET', `/assessment/units/${ids.unitA}/score?year=2026`);
    expect([noScore.status, noScore.body.code]).toEqual([404, 'assessment.no-published-rules']);
  });

  test('published: each unit scored from its events, every point explained; ranked with grades and the veto', async () => {
    const published = await post('/assessment/rulesets/2026/publish', { effectiveOn: '2026-01-01' });
    expect(published).toMatchObject({ id: 2026, events: [{ type: 'RuleSetPublished' }] });
    const a = await t.request('GET', `/assessment/units/${ids.unitA}/score?year=2026`);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ version: 1, total: 90, grade: { id: 'advanced' }, unit: { name: '桥山中学' } });
    const tenths = (n: number) => Math.round(n * 10);
    for (const section of a.body.sections as { points: number; items: { points: number }[] }[])
      expect(section.items.reduce((sum, item) => sum + tenths(item.points), 0)).toBe(tenths(section.points));
    const deadline = a.body.sections[0].items.find(
      (item: { indicator: string }) => item.indicator === 'committee-elected',
    );
    expect(deadline).toMatchObject({ points: 0, events: [{ type: 'CommitteeElected', occurredOn: '2026-03-01' }] });
    expect(deadline.events[0].recordedAt).toEqual(expect.any(String));

    const ranking = await t.request('GET', '/assessment/scores?year=2026');
    expect(ranking.status).toBe(200);
    expect(
      ranking.body.rows.map((r: Record<string, unknown>) => [r.name, r.rank, r.total, (r.grade as { id: string }).id]),
    ).toEqual([
      ['桥山中学', 1, 90, 'advanced'],
      // Re-elected late (−5), one member (+5): 80 would be 较好, but the expulsion caps it at 一般.
      ['城南学校', 2, 80, 'average'],
    ]);
    expect(ranking.body.rows[1].vetoedBy).toEqual({ indicator: 'expulsion', capAt: 'average' });
  });

  test('a new version re-scores without touching events; earlier versions stay queryable', async () => {
    const rulesBefore = await head();
    await post('/assessment/rulesets/2026/draft', { body: rules(2) });
    // What-if: the draft against the version in force, unit by unit, before publishing it.
    const whatIf = await t.request('GET', '/assessment/rulesets/2026/what-if');
    expect(whatIf.status).toBe(200);
    expect(whatIf.body).toMatchObject({ year: 2026, against: { version: 1 } });
    expect(
      whatIf.body.rows.map(
        (r: { name: string; before: { total: number }; after: { total: number }; change: number }) => [
          r.name,
          r.before.total,
          r.after.total,
          r.change,
        ],
      ),
    ).toEqual([
      ['桥山中学', 90, 84, -6],
      ['城南学校', 80, 77, -3],
    ]);
    await post('/assessment/rulesets/2026/publish', { effectiveOn: '2026-07-01' });
    const v2 = await t.request('GET', `/assessment/units/${ids.unitA}/score?year=2026`);
    expect(v2.body).toMatchObject({ version: 2, effectiveOn: '2026-07-01', total: 84, grade: { id: 'good' } });
    const v1 = await t.request('GET', `/assessment/units/${ids.unitA}/score?year=2026&version=1`);
    expect(v1.body).toMatchObject({ version: 1, total: 90 });
    const missing = await t.request('GET', `/assessment/units/${ids.unitA}/score?year=2026&version=9`);
    expect([missing.status, missing.body.field]).toEqual([404, 'version']);
    const unchanged = await t.request('POST', '/assessment/rulesets/2026/publish', { effectiveOn: '2026-08-01' });
    expect([unchanged.status, unchanged.body.code]).toEqual([409, 'assessment.ruleset-unchanged']);
    // Only the rules' stream moved: two events, the draft edit and the publication.
    expect(BigInt(await head()) - BigInt(rulesBefore)).toBe(2n);
    const auditor = await t.userWithRole('auditor');
    expect((await t.requestAs(auditor, 'GET', '/assessment/rulesets/2026/what-if')).status).toBe(403);
    const list = await t.request('GET', '/assessment/rulesets');
    expect(list.body).toMatchObject([{ year: 2026, versions: 2, latestVersion: 2 }]);
  });

  test('roles: auditors read all, secretaries their own units, instructors nothing; only the bureau writes', async () => {
    const auditor = await t.userWithRole('auditor');
    const secretary = await t.userWithRole('secretary', { orgIds: [ids.branchA] });
    const instructor = await t.userWithRole('instructor', { unitIds: [ids.unitA] });
    expect((await t.requestAs(auditor, 'GET', '/assessment/scores?year=2026')).body.rows).toHaveLength(2);
    expect((await t.requestAs(auditor, 'POST', '/assessment/rulesets/2026/draft', { body: rules() })).status).toBe(403);
    const own = await t.requestAs(secretary, 'GET', '/assessment/scores?year=2026');
    expect(own.body.rows.map((r: { name: string }) => r.name)).toEqual(['桥山中学']);
    expect((await t.requestAs(secretary, 'GET', `/assessment/units/${ids.unitA}/score?year=2026`)).status).toBe(200);
    const other = await t.requestAs(secretary, 'GET', `/assessment/units/${ids.unitB}/score?year=2026`);
    expect([other.status, other.body.code]).toEqual([403, 'access.out-of-scope']);
    expect(
      (await t.requestAs(secretary, 'POST', '/assessment/rulesets/2026/publish', { effectiveOn: '2026-12-01' })).status,
    ).toBe(403);
    expect((await t.requestAs(instructor, 'GET', '/assessment/scores?year=2026')).status).toBe(403);
  });

  test('a quarterly bulletin: ranked as of the quarter’s end, bottom three flagged, once; D2 owed until published', async () => {
    const owed = async () => {
      const search = `filter=${encodeURIComponent(JSON.stringify({ source: ['assessment'] }))}`;
      const response = await t.request('GET', `/obligations?${search}`);
      expect(response.status).toBe(200);
      return (response.body as { code: string; subject: { id: string }; dueOn: string }[]).map(
        (o) => `${o.code}:${o.subject.id}:${o.dueOn}`,
      );
    };
    expect(await owed()).toEqual([
      'D2:2026-2026-Q1:2026-04-15',
      'D2:2026-2026-Q2:2026-07-15',
      'D2:2026-2026-Q3:2026-10-15',
    ]);
    const before = await head();
    const open = await t.request('POST', '/assessment/bulletins/2026', { period: '2026-Q4' });
    expect([open.status, open.body.code, open.body.field]).toEqual([422, 'assessment.bulletin-period-open', 'period']);
    const bad = await t.request('POST', '/assessment/bulletins/2026', { period: '2026-Q5' });
    expect([bad.status, Object.keys(bad.body.fieldMessages ?? {})]).toEqual([400, ['period']]);
    expect(await head()).toBe(before);

    const published = await post('/assessment/bulletins/2026', { period: '2026-Q3', publishedOn: '2026-10-12' });
    expect(published).toMatchObject({ id: '2026-2026-Q3', events: [{ type: 'AssessmentBulletinPublished' }] });
    const [event] = await store.readStream('bulletin-2026-2026-Q3');
    // Version 2 came into force on 1 July: the Q3 bulletin ranks by it, as of 30 September, so the members
    // enrolled in November do not count yet (80 and 75 where today's scores are 84 and 77).
    expect(event.data).toEqual({
      year: 2026,
      period: '2026-Q3',
      version: 2,
      publishedOn: '2026-10-12',
      ranking: [
        { unitId: ids.unitA, rank: 1, total: 80, gradeId: 'good' },
        { unitId: ids.unitB, rank: 2, total: 75, gradeId: 'average' },
      ],
      flaggedUnitIds: [ids.unitB],
    });
    expect([...event.metadata.unitIds].sort()).toEqual([ids.unitA, ids.unitB].sort());
    const again = await t.request('POST', '/assessment/bulletins/2026', { period: '2026-Q3' });
    expect([again.status, again.body.code]).toEqual([409, 'assessment.bulletin-exists']);
    expect(await owed()).toEqual(['D2:2026-2026-Q1:2026-04-15', 'D2:2026-2026-Q2:2026-07-15']);

    const secretary = await t.userWithRole('secretary', { orgIds: [ids.branchB] });
    const seen = await t.requestAs(secretary, 'GET', '/assessment/bulletins/2026/2026-Q3');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ ranked: 2, ranking: [{ name: '城南学校', rank: 2, flagged: true }] });
    expect(seen.body.ranking).toHaveLength(1);
    const refused = await t.requestAs(secretary, 'POST', '/assessment/bulletins/2026', { period: '2026-Q2' });
    expect(refused.status).toBe(403);
    const list = await t.request('GET', '/assessment/bulletins?year=2026');
    expect(list.body.map((b: { period: string }) => b.period)).toEqual(['2026-Q3']);
  });

  test('the results as .xlsx: the ranking with grades and section points; every explanation line on a second sheet', async () => {
    const response = await fetch(`${t.api}/assessment/scores/workbook?year=2026`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const [ranking, lines] = workbook.worksheets;
    expect([ranking.name, lines.name]).toEqual(['排名', '得分明细']);
    expect((ranking.getRow(1).values as unknown[]).slice(1, 7)).toEqual([
      '名次',
      '单位',
      '总分',
      '等次',
      '一票否决',
      '组织建设（80）',
    ]);
    expect((ranking.getRow(2).values as unknown[]).slice(1, 5)).toEqual([1, '桥山中学', 84, '较好']);
    expect((ranking.getRow(3).values as unknown[]).slice(1, 6)).toEqual([2, '城南学校', 77, '一般', 'expulsion']);
    // The explanation's lines of each unit add up (in tenths) to its total on the first sheet.
    const sums = new Map<string, number>();
    lines.eachRow((row, n) => {
      if (n === 1) return;
      const [unit, points] = [row.getCell(1).value as string, row.getCell(6).value as number];
      sums.set(unit, (sums.get(unit) ?? 0) + Math.round(points * 10));
    });
    expect(Object.fromEntries(sums)).toEqual({ 桥山中学: 840, 城南学校: 770 });
    const english = await fetch(`${t.api}/assessment/scores/workbook?year=2026&lang=en`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(await english.arrayBuffer());
    expect(en.worksheets.map((sheet) => sheet.name)).toEqual(['Ranking', 'Explanation']);
    const wrong = await t.request('GET', '/assessment/scores/workbook?year=2026&lang=fr');
    expect([wrong.status, wrong.body.field]).toEqual([400, 'lang']);
  });

  test('self-assessment and superior scoring combined by the weights; objection within 5 working days; finalised', async () => {
    const withSiteCheck = rules(2) as unknown as { sections: { indicators: Record<string, unknown>[] }[] };
    withSiteCheck.sections[0].indicators.push({
      id: 'site-check',
      title: { zh: '现场检查', en: 'Site check' },
      kind: 'manual',
      maxPoints: 10,
    });
    await post('/assessment/rulesets/2026/draft', { body: withSiteCheck });
    await post('/assessment/rulesets/2026/publish', { effectiveOn: '2026-11-01' });
    await post('/users', {
      username: 'qiaoshan-secretary',
      displayName: '桥山中学书记',
      password: USER_PASSWORD,
      role: 'secretary',
      orgIds: [ids.branchA],
    });
    let secretary = await t.login('qiaoshan-secretary', USER_PASSWORD);
    const review = `/assessment/units/${ids.unitA}/review/2026`;
    const self = await t.requestAs(secretary, 'POST', `${review}/self`, {
      items: [{ indicator: 'site-check', points: 9, comment: '资料齐全' }],
    });
    expect(self.status).toBe(201);
    const other = await t.requestAs(secretary, 'POST', `/assessment/units/${ids.unitB}/review/2026/self`, {
      items: [{ indicator: 'site-check', points: 10 }],
    });
    expect([other.status, other.body.code]).toEqual([403, 'access.out-of-scope']);
    expect(
      (await t.request('POST', `${review}/self`, { items: [{ indicator: 'site-check', points: 9 }] })).status,
    ).toBe(403);
    const before = await head();
    const over = await t.request('POST', `${review}/superior`, { items: [{ indicator: 'site-check', points: 11 }] });
    expect([over.status, over.body.field]).toEqual([422, 'items[0].points']);
    const notManual = await t.request('POST', `${review}/superior`, {
      items: [{ indicator: 'enrolled', points: 1 }],
    });
    expect([notManual.status, notManual.body.field]).toEqual([422, 'items[0].indicator']);
    const noReason = await t.request('POST', `${review}/adjust`, { points: -2 });
    expect([noReason.status, Object.keys(noReason.body.fieldMessages)]).toEqual([400, ['reason']]);
    expect(await head()).toBe(before);
    await post(`${review}/superior`, { items: [{ indicator: 'site-check', points: 7, comment: '台账不全' }] });
    await post(`${review}/adjust`, { points: -2, reason: '材料报送逾期' });

    const shown = await t.requestAs(secretary, 'GET', `/assessment/units/${ids.unitA}/review?year=2026`);
    expect(shown.status).toBe(200);
    // Self 83 (site check 9/10), superior 81 − 2 = 79; combined 83 × 40% + 79 × 60% = 80.6, 较好.
    expect(shown.body).toMatchObject({
      version: 3,
      weights: { self: 40, superior: 60 },
      self: { total: 83 },
      superior: { total: 81 },
      adjustments: [{ points: -2, reason: '材料报送逾期' }],
      combined: { selfTotal: 83, superiorTotal: 79, total: 80.6, grade: { id: 'good' } },
      objectionWindowEndsOn: '2026-11-27',
      result: null,
    });
    const siteCheck = shown.body.superior.sections[0].items.find(
      (i: { indicator: string }) => i.indicator === 'site-check',
    );
    expect(siteCheck).toMatchObject({ points: -3, note: { zh: '评分 7/10：台账不全' } });

    expect(
      (await t.requestAs(secretary, 'POST', `${review}/objection`, { kind: 'objection', text: '现场检查扣分过重' }))
        .status,
    ).toBe(201);
    // 20 November was a Friday: five working days end on the 27th. (Sessions end: sign in again.)
    clock.set('2026-11-30T02:00:00Z');
    secretary = await t.login('qiaoshan-secretary', USER_PASSWORD);
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const late = await t.requestAs(secretary, 'POST', `${review}/objection`, { kind: 'objection', text: '再议' });
    expect([late.status, late.body.code]).toEqual([409, 'assessment.objection-window-closed']);
    expect(
      (await t.requestAs(secretary, 'POST', `${review}/objection`, { kind: 'comment', text: '认可结果' })).status,
    ).toBe(201);
    expect((await t.requestAs(secretary, 'POST', `${review}/finalise`, {})).status).toBe(403);
    const final = await t.requestAs(admin, 'POST', `${review}/finalise`, {});
    expect(final.body).toMatchObject({ events: [{ type: 'AssessmentResultFinalised' }] });
    const [, , , , , finalised] = await store.readStream(`assessmentReview-2026-${ids.unitA}`);
    expect(finalised.data).toEqual({
      year: 2026,
      unitId: ids.unitA,
      version: 3,
      selfTotal: 83,
      superiorTotal: 79,
      total: 80.6,
      gradeId: 'good',
    });
    for (const [path, body] of [
      ['superior', { items: [{ indicator: 'site-check', points: 8 }] }],
      ['adjust', { points: 1, reason: '复核' }],
      ['finalise', {}],
    ] as const) {
      const refused = await t.requestAs(admin, 'POST', `${review}/${path}`, body);
      expect([path, refused.status, refused.body.code]).toEqual([path, 409, 'assessment.result-finalised']);
    }
    const after = await t.requestAs(admin, 'GET', `/assessment/units/${ids.unitA}/review?year=2026`);
    expect(after.body.objections.map((o: { kind: string }) => o.kind)).toEqual(['objection', 'comment']);
    expect(after.body.result).toMatchObject({ total: 80.6 });
  });
});
