import { refusedWithoutWriting } from '../support/refusals.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { ProjectionRunner } from '../../src/core/projections/projection-runner.js';
import { startTestApp, type TestApp, type TestResponse } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { PairingFacts } from '../../src/pairing/pairing.facts.js';
import { addBranch, enrolMembers, seedSchoolBranch } from '../support/roster.js';

/**
 * Pairing communities end to end: the bureau forms one, the helper school's secretary logs its work along
 * the three lines and sees the progress move, others are refused what is not theirs, bad input is refused
 * without writing anything, new members and year-end summaries are counted from other features' events.
 */
describe('pairing communities (e2e)', () => {
  const clock = new ManualClock('2026-03-10T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body as { id: string };
  };
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.requestAs(tokens[who], method, path, body);
  /** The request is refused with `status` and `code` (and `field`), and appends nothing. */
  const refused = async (request: Promise<TestResponse>, status: number, code: string, field?: string) =>
    await refusedWithoutWriting(store, request, status, code, field);
  const pairing = async () => (await t.request('GET', `/pairings/${ids.pairing}`)).body;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, bureau, branch } = await seedSchoolBranch(post);
    Object.assign(ids, { helper: unit, bureau, helperBranch: branch });
    ids.helped = (await post('/units', { name: '兴华学校', type: 'private_school' })).id;
    ids.helpedBranch = await addBranch(post, {
      name: '兴华学校党支部',
      bureau,
      unit: ids.helped,
      foundedOn: '2015-01-01',
    });
    ids.kindergarten = (await post('/units', { name: '小太阳幼儿园', type: 'private_kindergarten' })).id;
    [ids.teacher] = await enrolMembers(post, { orgId: branch, unitId: unit }, [{ name: '王芳' }, { name: '赵强' }]);
    [ids.helpedMember] = await enrolMembers(post, { orgId: ids.helpedBranch, unitId: ids.helped }, [{ name: '孙丽' }]);
    tokens.helperSecretary = await t.userWithRole('secretary', { orgIds: [branch], unitIds: [unit] });
    tokens.helpedSecretary = await t.userWithRole('secretary', { orgIds: [ids.helpedBranch], unitIds: [ids.helped] });
    tokens.staff = await t.userWithRole('bureau_staff');
    tokens.auditor = await t.userWithRole('auditor');
    tokens.instructor = await t.userWithRole('instructor', { unitIds: [unit] });
  });
  afterAll(async () => t.close());

  test('the bureau forms a pairing; bad input is refused naming the field, and nothing is written', async () => {
    await refused(
      as('staff', 'POST', '/pairings', {
        helperUnitId: ids.helped,
        helpedUnitIds: [ids.helped],
        startOn: '2024-09-01',
      }),
      422,
      'pairing.helper-not-public-school',
      'helperUnitId',
    );
    await refused(
      as('staff', 'POST', '/pairings', {
        helperUnitId: ids.helper,
        helpedUnitIds: [ids.kindergarten],
        startOn: '2024-09-01',
      }),
      422,
      'pairing.helped-not-private-school',
      'helpedUnitIds.0',
    );
    const invalid = await refused(
      as('staff', 'POST', '/pairings', { helperUnitId: ids.helper, helpedUnitIds: [], startOn: '2024-02-30' }),
      400,
      'validation.failed',
    );
    expect(Object.keys(invalid.body.fieldMessages).sort()).toEqual(['helpedUnitIds', 'startOn']);
    await refused(
      as('helperSecretary', 'POST', '/pairings', {
        helperUnitId: ids.helper,
        helpedUnitIds: [ids.helped],
        startOn: '2024-09-01',
      }),
      403,
      'access.denied',
    );
    const formed = await as('staff', 'POST', '/pairings', {
      helperUnitId: ids.helper,
      helpedUnitIds: [ids.helped],
      startOn: '2024-09-01',
    });
    expect(formed.status).toBe(201);
    ids.pairing = formed.body.id;
    expect(await pairing()).toMatchObject({
      name: '桥山中学→兴华学校',
      helperUnitName: '桥山中学',
      helperOrgId: ids.helperBranch,
      helpedUnits: [{ id: ids.helped, name: '兴华学校' }],
      startOn: '2024-09-01',
      endsOn: '2027-08-31',
      status: 'active',
      progress: {
        teachers: { done: 0, target: 3, expectedByNow: 1, behindPace: true },
        members: { done: 0, target: 3 },
        norms: { done: 0, target: 5 },
        behindPace: true,
      },
    });
  });

  test('the activity log names the pairing community its events are about', async () => {
    const filter = encodeURIComponent(JSON.stringify({ type: 'PairingFormed' }));
    const [line] = (await t.request('GET', `/activity?filter=${filter}`)).body;
    expect(line).toMatchObject({ subject: { kind: 'pairing', id: ids.pairing }, unitIds: [ids.helper, ids.helped] });
    expect(line.names[`pairing:${ids.pairing}`]).toBe('桥山中学→兴华学校');
  });

  test('the helper school’s secretary logs a training with named teachers and the teachers’ bar moves', async () => {
    const logged = await as('helperSecretary', 'POST', `/pairings/${ids.pairing}/teaching`, {
      kind: 'training',
      on: '2025-03-12',
      title: '骨干教师课堂教学培训',
      teachersTrained: ['李红', '张伟'],
    });
    expect(logged.status).toBe(201);
    const again = await as('helperSecretary', 'POST', `/pairings/${ids.pairing}/teaching`, {
      kind: 'teaching-outreach',
      on: '2025-10-20',
      title: '送教下乡',
      teachersTrained: ['李红', '陈静'],
    });
    expect(again.status).toBe(201);
    const page = await pairing();
    expect(page.progress.teachers).toMatchObject({ done: 3, met: true, metOn: '2025-10-20', behindPace: false });
    expect(page.teachersTrained.map((teacher: { name: string }) => teacher.name)).toEqual(['张伟', '李红', '陈静']);
    const log = await as('auditor', 'GET', `/pairings/${ids.pairing}/activities`);
    expect(log.status).toBe(200);
    expect(log.body.map((entry: { type: string }) => entry.type)).toEqual([
      'TeachingActivityLogged',
      'TeachingActivityLogged',
      'PairingFormed',
    ]);
  });

  test('only the helper school’s secretary and the bureau log; the helped school reads; others are refused', async () => {
    const body = { kind: 'joint-activity', on: '2025-07-01', title: '联合主题党日' };
    await refused(
      as('helpedSecretary', 'POST', `/pairings/${ids.pairing}/party-building`, body),
      403,
      'pairing.helper-school-only',
    );
    expect((await as('instructor', 'POST', `/pairings/${ids.pairing}/party-building`, body)).status).toBe(403);
    expect((await as('auditor', 'POST', `/pairings/${ids.pairing}/party-building`, body)).status).toBe(403);
    expect((await as('instructor', 'GET', `/pairings/${ids.pairing}`)).status).toBe(403);
    expect((await as('helpedSecretary', 'GET', `/pairings/${ids.pairing}`)).status).toBe(200);
    const listed = await as('helpedSecretary', 'GET', '/pairings');
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([ids.pairing]);
    const other = await t.userWithRole('secretary', { orgIds: [ids.bureau] });
    expect((await t.requestAs(other, 'GET', '/pairings')).body).toHaveLength(1); // the bureau's committee is above both
    expect((await as('staff', 'POST', `/pairings/${ids.pairing}/party-building`, body)).status).toBe(201);
    await refused(
      as('helperSecretary', 'POST', `/pairings/${ids.pairing}/party-building`, { ...body, on: '2024-08-01' }),
      422,
      'pairing.date-outside-term',
      'on',
    );
    await refused(
      as('helperSecretary', 'POST', `/pairings/${ids.pairing}/party-building`, { ...body, on: '2026-03-11' }),
      422,
      'pairing.date-in-future',
      'on',
    );
  });

  test('one-to-one help names the student by pseudonym only: an identity number is refused in both languages', async () => {
    const path = `/pairings/${ids.pairing}/support-pairs`;
    const pair = { memberId: ids.teacher, situation: 'left-behind', on: '2025-04-01' };
    const response = await refused(
      as('helperSecretary', 'POST', path, { ...pair, student: '610526200801011234' }),
      422,
      'pairing.student-identity-number',
      'student',
    );
    expect(response.body.messages.zh).toContain('化名');
    expect(response.body.messages.en).toContain('pseudonym');
    await refused(
      as('helperSecretary', 'POST', path, { ...pair, memberId: ids.helpedMember, student: 'LXM' }),
      422,
      'pairing.member-not-of-helper-school',
      'memberId',
    );
    const formed = await as('helperSecretary', 'POST', path, { ...pair, student: '小明（化名）' });
    expect(formed.status).toBe(201);
    const visit = await as('helperSecretary', 'POST', `${path}/${formed.body.id}/support`, {
      kind: 'visit',
      on: '2025-04-15',
      note: '家访，了解学习情况',
    });
    expect(visit.status).toBe(201);
    expect((await pairing()).pairs).toEqual([
      expect.objectContaining({
        teacherName: '王芳',
        student: '小明（化名）',
        situation: 'left-behind',
        supportCount: 1,
      }),
    ]);
  });

  test('the norms: judged per item, the list worded by the bureau', async () => {
    await refused(
      as('helperSecretary', 'POST', `/pairings/${ids.pairing}/norms/no-such`, { met: true, on: '2025-05-01' }),
      422,
      'pairing.norm-unknown',
      'normKey',
    );
    for (const key of ['branch-setup', 'org-life'])
      expect(
        (await as('helperSecretary', 'POST', `/pairings/${ids.pairing}/norms/${key}`, { met: true, on: '2025-05-01' }))
          .status,
      ).toBe(201);
    const norms = (await as('helperSecretary', 'GET', '/pairing-norms')).body as {
      key: string;
      zh: string;
      en: string;
    }[];
    expect(norms.map((n) => n.zh).slice(0, 3)).toEqual(['支部设置标准化', '组织生活正常化', '阵地建设规范化']);
    expect((await as('helperSecretary', 'POST', '/pairing-norms', { norms })).status).toBe(403);
    const reworded = norms.map((n) => (n.key === 'norm-4' ? { ...n, zh: '管理服务精细化' } : n));
    expect((await as('staff', 'POST', '/pairing-norms', { norms: reworded })).status).toBe(201);
    const page = await pairing();
    expect(page.progress.norms).toMatchObject({ done: 2, target: 5 });
    expect(page.norms.find((n: { key: string }) => n.key === 'norm-4').zh).toBe('管理服务精细化');
  });

  test('new members are counted from development’s admissions in the helped school, with the events behind', async () => {
    const head = await store.headPosition();
    const admitted = await store.append(
      'development-00000000-0000-4000-8000-000000000001',
      [
        {
          type: 'AdmissionApproved',
          data: {
            personId: '00000000-0000-4000-8000-000000000001',
            on: '2025-06-20',
            specialReason: null,
            probationStart: '2025-06-01',
            probationEnd: '2026-05-31',
            rulesVersion: 'test',
          },
          metadata: {
            actorId: 'test',
            actorRole: 'bureau_admin',
            commandId: 'c',
            correlationId: 'c',
            causationId: 'c',
            occurredAt: '2025-06-19T16:00:00.000Z',
            unitIds: [ids.helped],
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    expect(admitted.position).toBeGreaterThan(head);
    await t.app.get(ProjectionRunner).waitFor(admitted.position, 5000);
    expect((await pairing()).progress.members).toMatchObject({ done: 1, behindPace: false });
    const counts = t.app.get(PairingFacts).countsFor(ids.helped, '2025-01-01', '2025-12-31');
    expect(counts).toEqual([
      expect.objectContaining({
        pairingId: ids.pairing,
        role: 'helped',
        membersDeveloped: {
          count: 1,
          facts: [{ eventId: admitted.events[0].id, on: '2025-06-01', what: expect.any(String) }],
        },
        teachersTrained: expect.objectContaining({ count: 3 }),
        supportGiven: expect.objectContaining({ count: 1 }),
      }),
    ]);
    const byOrg = t.app.get(PairingFacts).countsForOrg(ids.helperBranch, '2025-01-01', '2025-12-31');
    expect(byOrg.map((c) => [c.unitId, c.role, c.teachersTrained.count])).toEqual([[ids.helper, 'helper', 3]]);
  });

  test('obligations: a year-end summary per year (C2) until one is on file, and the targets not met (C4)', async () => {
    const open = async () =>
      (await t.request('GET', `/obligations?filter=${encodeURIComponent('{"source":"pairing"}')}&range=[0,99]`))
        .body as { id: string; code: string; dueOn: string; overdue: boolean; orgId: string }[];
    const before = await open();
    expect(before.map((o) => `${o.code} ${o.dueOn} ${o.overdue}`).sort()).toEqual([
      'C2 2024-11-30 true',
      'C2 2025-11-30 true',
      'C2 2026-11-30 false',
      'C4 2027-08-31 false',
      'C4 2027-08-31 false',
    ]);
    expect(before.every((o) => !o.id.includes(':') && o.orgId === ids.helperBranch)).toBe(true);
    const filed = await store.append(
      'evidence-00000000-0000-4000-8000-000000000009',
      [
        {
          type: 'EvidenceFiled',
          data: {
            evidenceId: '00000000-0000-4000-8000-000000000009',
            sha256: 'ab'.repeat(32),
            size: 10,
            name: '2025年度帮扶总结.pdf',
            mime: 'application/pdf',
            subject: { feature: 'pairing', kind: 'pairing', id: ids.pairing },
            orgId: ids.helperBranch,
            year: 2025,
            category: 'year-end-summary',
            title: null,
          },
          metadata: {
            actorId: 'test',
            actorRole: 'secretary',
            commandId: 'e',
            correlationId: 'e',
            causationId: 'e',
            occurredAt: '2025-11-20T02:00:00.000Z',
            unitIds: [ids.helper],
            schemaVersion: 1,
          },
        },
      ],
      'any',
    );
    await t.app.get(ProjectionRunner).waitFor(filed.position, 5000);
    expect((await open()).filter((o) => o.code === 'C2').map((o) => o.dueOn)).toEqual(['2024-11-30', '2026-11-30']);
    const secretaryView = await as(
      'helperSecretary',
      'GET',
      `/obligations?filter=${encodeURIComponent('{"source":"pairing"}')}`,
    );
    expect(secretaryView.body).toHaveLength(4);
  });

  test('a term extended from a stale form is a 409; ending it closes the later summaries', async () => {
    const { revision } = await pairing();
    await refused(
      as('staff', 'POST', `/pairings/${ids.pairing}/extend`, {
        endsOn: '2030-08-31',
        reason: '续签',
        expectedRevision: revision - 1,
      }),
      409,
      'concurrency.conflict',
    );
    expect(
      (
        await as('staff', 'POST', `/pairings/${ids.pairing}/extend`, {
          endsOn: '2030-08-31',
          reason: '续签',
          expectedRevision: revision,
        })
      ).status,
    ).toBe(201);
    expect(
      (await as('helperSecretary', 'POST', `/pairings/${ids.pairing}/end`, { on: '2026-03-01', reason: '停办' }))
        .status,
    ).toBe(403);
    expect(
      (await as('staff', 'POST', `/pairings/${ids.pairing}/end`, { on: '2026-03-01', reason: '学校停办' })).status,
    ).toBe(201);
    const page = await pairing();
    expect(page).toMatchObject({ status: 'ended', endedOn: '2026-03-01', endsOn: '2030-08-31' });
    expect(page.summaries.map((s: { year: number }) => s.year)).toEqual([2024, 2025]);
    await refused(
      as('helperSecretary', 'POST', `/pairings/${ids.pairing}/teaching`, {
        kind: 'resource-sharing',
        on: '2026-03-05',
        title: '共享课件',
      }),
      422,
      'pairing.date-outside-term',
    );
  });
});
