import { refusedWithoutWriting, signedInUser } from '../support/refusals.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { Jobs } from '../../src/core/jobs/jobs.module.js';
import { ProjectionRunner } from '../../src/core/projections/projection-runner.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { NoticesFacts } from '../../src/notices/notices.facts.js';

/**
 * Criticism notices end to end: lagging units found from a quarterly bulletin (appended as the assessment
 * writes it), a grade below the band and an overdue obligation; draft → approval by another person → issue
 * with a unique document number → circulation to every unit → acknowledgements by secretaries for their own
 * units → urging by the scheduled job (once per round) and by hand → rectification with evidence → sent back
 * → closed. Bad input, wrong steps, stale edits and the wrong role write nothing.
 */
describe('criticism notices (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  // 2026-11-23 10:00 in Asia/Shanghai (a Monday)
  const clock = new ManualClock('2026-11-23T02:00:00.000Z');
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.requestAs(tokens[who], method, path, body);
  const events = async (noticeId: string) => store.readStream(`notice-${noticeId}`);

  const expectRefused = (response: Promise<TestResponse>, status: number, code: string, field?: string) =>
    refusedWithoutWriting(store, response, status, code, field);

  const user = async (username: string, role: string, scope: { orgIds?: string[]; unitIds?: string[] } = {}) => {
    tokens[username] = await signedInUser(t, username, role, scope);
  };

  const content = () => ({
    title: '关于对党建工作不力单位的通报',
    reason: '2026年第三季度党建考核排名靠后，组织生活不规范',
    unitIds: [ids.a, ids.b],
    facts: [
      {
        kind: 'bulletin',
        unitId: ids.a,
        ref: 'bulletin-2026-2026-Q3',
        eventId: ids.bulletinEvent,
        text: '季通报倒数第一',
      },
      { kind: 'note', text: '督查发现三会一课记录不全' },
    ],
  });

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get(EVENT_STORE);
    tokens.admin = t.adminToken;
    const post = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([response.status, response.body]).toEqual([201, expect.anything()]);
      return response.body.id as string;
    };
    ids.a = await post('/units', { name: '兴华学校', type: 'private_school' });
    ids.b = await post('/units', { name: '雏鹰学校', type: 'private_school' });
    ids.c = await post('/units', { name: '梦圆幼儿园', type: 'private_kindergarten' });
    ids.d = await post('/units', { name: '桥山中学', type: 'public_school' });
    ids.bureau = await post('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    for (const [key, name] of [
      ['a', '兴华学校党支部'],
      ['b', '雏鹰学校党支部'],
    ])
      ids[`branch${key}`] = await post('/party-organizations', {
        name,
        kind: 'party_branch',
        parentId: ids.bureau,
        unitIds: [ids[key]],
        foundedOn: '2019-09-10',
      });
    await user('staff1', 'bureau_staff');
    await user('auditor1', 'auditor');
    await user('secA', 'secretary', { orgIds: [ids.brancha] });
    await user('secB', 'secretary', { orgIds: [ids.branchb] });
    await user('zhidao', 'instructor', { unitIds: [ids.d] });
    // An instructor dispatched to 桥山中学 since January who never visited: C1 overdue by months.
    expect(
      (
        await t.request('POST', '/instructors/dispatches', {
          instructorId: 'zhidao',
          unitId: ids.d,
          startOn: '2026-01-01',
        })
      ).status,
    ).toBe(201);
    // The quarterly bulletin, as the assessment writes it.
    const appended = await store.append(
      'bulletin-2026-2026-Q3',
      [
        {
          type: 'AssessmentBulletinPublished',
          data: {
            year: 2026,
            period: '2026-Q3',
            version: 1,
            publishedOn: '2026-10-15',
            ranking: [
              { unitId: ids.d, rank: 1, total: 4, gradeId: 'good' },
              { unitId: ids.c, rank: 2, total: 4, gradeId: 'fairly_good' },
              { unitId: ids.b, rank: 3, total: 4, gradeId: 'average' },
              { unitId: ids.a, rank: 4, total: 4, gradeId: 'poor' },
            ],
            flaggedUnitIds: [ids.a, ids.b, ids.c],
          },
          metadata: {
            actorId: 'admin',
            actorRole: 'bureau_admin',
            commandId: 'bulletin-1',
            correlationId: 'bulletin-1',
            causationId: 'bulletin-1',
            occurredAt: '2026-10-15T02:00:00.000Z',
            unitIds: [ids.a, ids.b, ids.c, ids.d],
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    ids.bulletinEvent = appended.events[0].id;
    await t.app.get(ProjectionRunner).waitFor(appended.position);
  });

  afterAll(async () => {
    await t?.close();
  });

  test('lagging units: bottom three, grade below the band, overdue obligations; each with its facts (bureau only)', async () => {
    const { status, body } = await t.request('GET', '/notices/suggestions');
    expect(status).toBe(200);
    const of = (unitId: string) => body.find((s: { unitId: string }) => s.unitId === unitId);
    expect(of(ids.a).reasons.map((r: { kind: string }) => r.kind)).toEqual(['bulletin', 'grade']);
    expect(of(ids.a).reasons[0]).toMatchObject({ ref: 'bulletin-2026-2026-Q3', eventId: ids.bulletinEvent });
    expect(of(ids.a).unitName).toBe('兴华学校');
    expect(of(ids.b).reasons.map((r: { kind: string }) => r.kind)).toEqual(['bulletin']);
    expect(of(ids.c).reasons.map((r: { kind: string }) => r.kind)).toEqual(['bulletin']);
    // C1 for January–September is overdue more than 30 days; October is not yet.
    const overdue = of(ids.d).reasons;
    expect(
      overdue.every(
        (r: { kind: string; ref: string }) => r.kind === 'obligation' && r.ref.startsWith('instructors.C1.'),
      ),
    ).toBe(true);
    expect(overdue.map((r: { ref: string }) => r.ref.slice(-7))).toContain('2026-09');
    expect(overdue.map((r: { ref: string }) => r.ref.slice(-7))).not.toContain('2026-10');
    // The band is a setting: 'average' too, and a shorter overdue threshold.
    const settings = (await t.request('GET', '/notices/settings')).body;
    await expectRefused(
      t.request('POST', '/notices/settings', { ...settings, revision: undefined, overdueDays: -1 }),
      400,
      'validation.failed',
    );
    const { revision, ...rest } = settings;
    const changed = await as('staff1', 'POST', '/notices/settings', {
      ...rest,
      lowGradeIds: ['average', 'poor'],
      overdueDays: 10,
      expectedRevision: revision,
    });
    expect(changed.status).toBe(201);
    const again = (await t.request('GET', '/notices/suggestions')).body;
    expect(
      again.find((s: { unitId: string }) => s.unitId === ids.b).reasons.map((r: { kind: string }) => r.kind),
    ).toEqual(['bulletin', 'grade']);
    expect(
      again.find((s: { unitId: string }) => s.unitId === ids.d).reasons.map((r: { ref: string }) => r.ref.slice(-7)),
    ).toContain('2026-10');
    await expectRefused(as('secA', 'GET', '/notices/suggestions'), 403, 'access.denied');
    await expectRefused(as('auditor1', 'POST', '/notices/settings', { ...rest }), 403, 'access.denied');
  });

  test('draft, edit (stale → 409), submit; approval never by the drafter; nothing before approval', async () => {
    await expectRefused(
      as('staff1', 'POST', '/notices', { ...content(), unitIds: [] }),
      400,
      'validation.failed',
      'unitIds',
    );
    await expectRefused(
      as('staff1', 'POST', '/notices', {
        ...content(),
        unitIds: ['44444444-4444-4444-8444-444444444444'],
        facts: [{ kind: 'note', text: 'x' }],
      }),
      422,
      'notices.unknown-unit',
      'unitIds',
    );
    await expectRefused(as('secA', 'POST', '/notices', content()), 403, 'access.denied');
    await expectRefused(as('auditor1', 'POST', '/notices', content()), 403, 'access.denied');
    const drafted = await as('staff1', 'POST', '/notices', content());
    expect(drafted.status).toBe(201);
    ids.notice = drafted.body.id;
    const edited = await as('staff1', 'POST', `/notices/${ids.notice}/edit`, {
      ...content(),
      title: '关于对兴华学校、雏鹰学校党建工作不力的通报',
      expectedRevision: drafted.body.revision,
    });
    expect(edited.status).toBe(201);
    await expectRefused(
      as('staff1', 'POST', `/notices/${ids.notice}/edit`, { ...content(), expectedRevision: drafted.body.revision }),
      409,
      'concurrency.conflict',
    );
    // Not approved: cannot be issued or circulated.
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/issue`, {
        documentNumber: '蒲教党发〔2026〕12号',
        issuedOn: '2026-11-02',
      }),
      409,
      'notices.wrong-status',
    );
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/circulate`, { circulatedOn: '2026-11-02' }),
      409,
      'notices.wrong-status',
    );
    await expectRefused(t.request('POST', `/notices/${ids.notice}/approve`, {}), 409, 'notices.wrong-status');
    expect((await as('staff1', 'POST', `/notices/${ids.notice}/submit`, {})).status).toBe(201);
    await expectRefused(as('staff1', 'POST', `/notices/${ids.notice}/approve`, {}), 403, 'notices.own-approval');
    await expectRefused(as('secA', 'POST', `/notices/${ids.notice}/approve`, {}), 403, 'access.denied');
    // Drafts are the bureau's: a secretary neither lists nor opens one.
    expect((await as('secA', 'GET', '/notices')).body).toEqual([]);
    await expectRefused(as('secA', 'GET', `/notices/${ids.notice}`), 404, 'not-found');
    expect((await t.request('POST', `/notices/${ids.notice}/approve`, { comment: '同意印发' })).status).toBe(201);
    await expectRefused(
      as('staff1', 'POST', `/notices/${ids.notice}/edit`, content()),
      400,
      'validation.failed',
      'expectedRevision',
    );
    const show = await t.request('GET', `/notices/${ids.notice}`);
    expect(show.body).toMatchObject({ status: 'approved', approvedBy: 'admin', unitNames: ['兴华学校', '雏鹰学校'] });
  });

  test('issued under a valid, unique document number: the fact assessment deducts for, per criticised unit', async () => {
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/issue`, { documentNumber: '第12号', issuedOn: '2026-11-02' }),
      400,
      'validation.failed',
      'documentNumber',
    );
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/issue`, {
        documentNumber: '蒲教党发〔2025〕12号',
        issuedOn: '2026-11-02',
      }),
      422,
      'notices.document-number-year',
      'documentNumber',
    );
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/issue`, {
        documentNumber: '蒲教党发〔2026〕12号',
        issuedOn: '2026-11-30',
      }),
      422,
      'notices.date-in-future',
      'issuedOn',
    );
    const issued = await t.request('POST', `/notices/${ids.notice}/issue`, {
      documentNumber: '蒲教党发[2026]12号',
      issuedOn: '2026-11-02',
    });
    expect(issued.status).toBe(201);
    const event = (await events(ids.notice)).find((e) => e.type === 'CriticismNoticeIssued')!;
    expect(event.data).toMatchObject({
      noticeId: ids.notice,
      documentNumber: '蒲教党发〔2026〕12号',
      unitIds: [ids.a, ids.b],
      issuedOn: '2026-11-02',
      rectifyBy: '2026-11-30',
    });
    expect(event.metadata.unitIds).toEqual([ids.a, ids.b]);
    ids.issuedEvent = event.id;

    // Another notice may not take the same number.
    const other = await as('staff1', 'POST', '/notices', {
      ...content(),
      unitIds: [ids.c],
      facts: [{ kind: 'note', text: '另案' }],
    });
    ids.other = other.body.id;
    await as('staff1', 'POST', `/notices/${ids.other}/submit`, {});
    await t.request('POST', `/notices/${ids.other}/approve`, {});
    await expectRefused(
      t.request('POST', `/notices/${ids.other}/issue`, {
        documentNumber: '蒲教党发〔2026〕12号',
        issuedOn: '2026-11-20',
      }),
      409,
      'notices.document-number-taken',
      'documentNumber',
    );

    // The read door: the notice against 兴华学校 with its date and event.
    const facts = t.app.get(NoticesFacts).criticismsOf(ids.a);
    expect(facts).toEqual([
      expect.objectContaining({
        noticeId: ids.notice,
        documentNumber: '蒲教党发〔2026〕12号',
        issuedOn: '2026-11-02',
        eventId: ids.issuedEvent,
        rectification: { status: 'owed', reportedOn: null, eventId: null },
      }),
    ]);
    expect(t.app.get(NoticesFacts).criticismsOf(ids.c)).toEqual([]);
  });

  test('circulated to every unit; urged once per round by the job; secretaries acknowledge for their own units', async () => {
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/circulate`, { circulatedOn: '2026-11-01' }),
      422,
      'notices.circulated-before-issue',
      'circulatedOn',
    );
    // Circulated on 2 November: acknowledgement and the first urging due 3 working days later (5 November),
    // already past by the clock, so the scheduled round fires at once.
    const circulated = await t.request('POST', `/notices/${ids.notice}/circulate`, { circulatedOn: '2026-11-02' });
    expect(circulated.status).toBe(201);
    const urgedRound = async (round: number) =>
      (await events(ids.notice)).filter(
        (e) => e.type === 'NoticeUrged' && (e.data as { round: number }).round === round,
      );
    for (let i = 0; i < 100 && (await urgedRound(1)).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [round1] = await urgedRound(1);
    expect(round1.data).toMatchObject({
      round: 1,
      unitIds: expect.arrayContaining([ids.a, ids.b, ids.c, ids.d]),
      urgedOn: '2026-11-23',
      nextUrgeOn: '2026-11-26',
      automatic: true,
    });
    expect(round1.metadata.actorId).toBe('system');
    // A replay of the policy asks for the same job again: the round is not urged twice.
    const jobs = t.app.get(Jobs);
    await jobs.policyRunner!.replay('notice-urging');
    await jobs.policyRunner!.waitFor(await store.headPosition());
    await new Promise((r) => setTimeout(r, 1500));
    expect(await urgedRound(1)).toHaveLength(1);

    // The obligations: N1 for every unit, N2 for the criticised.
    const n1 = await t.request('GET', `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'N1' }))}`);
    expect(n1.body.map((o: { unitId: string }) => o.unitId).sort()).toEqual([ids.a, ids.b, ids.c, ids.d].sort());
    expect(n1.body[0]).toMatchObject({ dueOn: '2026-11-05', overdue: true, who: 'branch_secretary' });

    expect((await as('secA', 'GET', '/notices/inbox/unread-count')).body).toEqual({ unread: 1 });
    const inbox = await as('secA', 'GET', '/notices/inbox');
    expect(inbox.body).toEqual([
      expect.objectContaining({
        noticeId: ids.notice,
        unitId: ids.a,
        acknowledgedOn: null,
        criticised: true,
        urged: 1,
      }),
    ]);
    await expectRefused(
      as('secA', 'POST', `/notices/${ids.notice}/acknowledge`, { unitId: ids.b }),
      403,
      'notices.unit-out-of-scope',
      'unitId',
    );
    await expectRefused(
      as('staff1', 'POST', `/notices/${ids.notice}/acknowledge`, { unitId: ids.a }),
      403,
      'access.denied',
    );
    expect((await as('secA', 'POST', `/notices/${ids.notice}/acknowledge`, { unitId: ids.a })).status).toBe(201);
    await expectRefused(
      as('secA', 'POST', `/notices/${ids.notice}/acknowledge`, { unitId: ids.a }),
      409,
      'notices.already-acknowledged',
      'unitId',
    );
    expect((await as('secA', 'GET', '/notices/inbox/unread-count')).body).toEqual({ unread: 0 });
    expect((await as('secB', 'GET', '/notices/inbox/unread-count')).body).toEqual({ unread: 1 });
    expect((await as('secA', 'GET', `/notices/${ids.notice}`)).status).toBe(200);

    // Urging by hand: the next round, to those who have not acknowledged.
    const urged = await as('staff1', 'POST', `/notices/${ids.notice}/urge`, {});
    expect(urged.status).toBe(201);
    const [round2] = await urgedRound(2);
    expect((round2.data as { unitIds: string[] }).unitIds.sort()).toEqual([ids.b, ids.c, ids.d].sort());

    const show = (await t.request('GET', `/notices/${ids.notice}`)).body;
    expect(show.progress).toEqual({ acknowledged: 1, total: 4 });
    expect(show.pending.map((p: { unitName: string }) => p.unitName).sort()).toEqual(
      ['梦圆幼儿园', '桥山中学', '雏鹰学校'].sort(),
    );
    expect(show.history.map((h: { type: string }) => h.type)).toContain('NoticeUrged');
  });

  test('rectification reported with evidence, sent back with a reason, reported again; closed when all are in', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      subjectFeature: 'notices',
      subjectKind: 'criticism-notice',
      subjectId: ids.notice,
      orgId: ids.brancha,
      year: '2026',
      category: 'norm_org_life',
      title: '整改专题组织生活会记录',
      on: '2026-11-20',
    }))
      form.append(key, value);
    form.append(
      'file',
      new Blob([Buffer.from('%PDF-1.4\n% 整改\n%%EOF\n')], { type: 'application/pdf' }),
      '整改记录.pdf',
    );
    const uploaded = await fetch(`${t.api}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.secA}` },
      body: form,
    });
    const evidence = (await uploaded.json()) as { id: string };
    expect(uploaded.status).toBe(201);
    const choices = await as('secA', 'GET', `/notices/${ids.notice}/evidence-choices?unitId=${ids.a}`);
    expect(choices.body.map((c: { id: string }) => c.id)).toEqual([evidence.id]);

    const report = { unitId: ids.a, report: '召开专题组织生活会，补齐三会一课记录', evidenceIds: [evidence.id] };
    await expectRefused(
      as('secA', 'POST', `/notices/${ids.notice}/rectification`, {
        ...report,
        evidenceIds: ['55555555-5555-4555-8555-555555555555'],
      }),
      422,
      'notices.evidence-not-on-file',
      'evidenceIds',
    );
    await expectRefused(
      as('secA', 'POST', `/notices/${ids.notice}/rectification`, { ...report, unitId: ids.b }),
      403,
      'notices.unit-out-of-scope',
    );
    expect((await as('secA', 'POST', `/notices/${ids.notice}/rectification`, report)).status).toBe(201);
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/close`, { closedOn: '2026-11-23' }),
      409,
      'notices.rectification-owed',
    );
    await expectRefused(
      t.request('POST', `/notices/${ids.notice}/rectifications/send-back`, { unitId: ids.a }),
      400,
      'validation.failed',
      'reason',
    );
    expect(
      (
        await t.request('POST', `/notices/${ids.notice}/rectifications/send-back`, {
          unitId: ids.a,
          reason: '缺少整改前后对比',
        })
      ).status,
    ).toBe(201);
    const inbox = (await as('secA', 'GET', '/notices/inbox')).body;
    expect(inbox[0]).toMatchObject({ rectification: 'sent_back', sentBackReason: '缺少整改前后对比' });
    expect((await as('secA', 'POST', `/notices/${ids.notice}/rectification`, report)).status).toBe(201);
    expect(
      (
        await as('secB', 'POST', `/notices/${ids.notice}/rectification`, {
          unitId: ids.b,
          report: '已整改',
          evidenceIds: [],
        })
      ).status,
    ).toBe(201);
    await expectRefused(
      as('auditor1', 'POST', `/notices/${ids.notice}/close`, { closedOn: '2026-11-23' }),
      403,
      'access.denied',
    );
    expect(
      (await t.request('POST', `/notices/${ids.notice}/close`, { closedOn: '2026-11-23', comment: '整改到位' })).status,
    ).toBe(201);
    await expectRefused(t.request('POST', `/notices/${ids.notice}/urge`, {}), 409, 'notices.wrong-status');

    // Auditors read everything; N1/N2 of a closed notice are no longer owed.
    const list = await as('auditor1', 'GET', '/notices');
    expect(list.body.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([ids.notice, ids.other]));
    const closed = (await as('auditor1', 'GET', `/notices/${ids.notice}`)).body;
    expect(closed).toMatchObject({ status: 'closed', rectified: 2 });
    expect(closed.rectifications.map((r: { status: string }) => r.status)).toEqual(['reported', 'reported']);
    const owed = await t.request(
      'GET',
      `/obligations?filter=${encodeURIComponent(JSON.stringify({ source: 'notices' }))}`,
    );
    expect(owed.body).toEqual([]);
    expect(t.app.get(NoticesFacts).criticismsOf(ids.a)[0]).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-23',
      rectification: { status: 'reported' },
    });
  });
});
