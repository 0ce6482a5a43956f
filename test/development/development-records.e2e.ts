import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { seedSchoolBranch } from '../support/roster.js';
import { developmentStream } from '../../src/development/development.events.js';

/**
 * The records of a case's steps over HTTP (issue #5 item 6): documents sent with a step, one attached
 * later to a done step, read back with the case in order with who recorded them; a record for a step not
 * done, or bad input, is refused with a 4xx naming the field and nothing is appended.
 */
describe('development records: sent with a step, attached later, read back (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([status, expect.anything()]);
    return response.body;
  };
  const caseRow = async () => (await t.request('GET', `/development/cases/${ids.person}`)).body;
  const streamLength = async () => (await store.readStream(developmentStream(ids.person))).length;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
    Object.assign(ids, await seedSchoolBranch(post, { school: '尧山中学' }));
  });
  afterAll(async () => t.close());

  test('the catalogue names each step’s expected documents', async () => {
    const catalogue = (await t.request('GET', '/development/catalogue')).body;
    expect(catalogue.steps[0].records).toEqual([{ zh: '入党申请书', en: 'Application letter' }]);
    expect(catalogue.steps[14].records.map((r: { zh: string }) => r.zh)).toEqual(
      expect.arrayContaining(['支部大会决议', '表决票', '支部大会会议记录']),
    );
    expect(catalogue.records[0]).toMatchObject({ key: 'thoughtReport', records: [{ zh: '思想汇报' }] });
  });

  test('records sent with the application and the talk, one attached later, read back in order', async () => {
    ids.person = (
      await post('/development/cases', {
        name: '张华',
        gender: 'female',
        birthDate: '1997-02-03',
        orgId: ids.branch,
        unitId: ids.unit,
        on: '2025-03-01',
        records: [{ title: '入党申请书', reference: '党员档案 2025-017', on: '2025-02-27' }],
      })
    ).id;
    await post(`/development/cases/${ids.person}/talk`, {
      on: '2025-03-20',
      talkedBy: '王书记',
      summary: '了解入党动机',
      records: [{ title: '谈话记录', reference: '档案盒 3' }, { title: '谈话提纲' }],
    });
    const attached = await post(`/development/cases/${ids.person}/records`, {
      step: 'talk',
      title: '谈话记录（补签）',
      reference: 'https://archive.example/scan/017-2',
      on: '2025-03-21',
    });
    expect(attached.events).toEqual([{ id: expect.any(String), type: 'DevelopmentRecordAttached' }]);

    const row = await caseRow();
    const who = { recordedBy: 'admin', recordedAt: expect.any(String), eventId: expect.any(String) };
    expect(row.records).toEqual({
      application: [{ title: '入党申请书', reference: '党员档案 2025-017', on: '2025-02-27', source: 'step', ...who }],
      talk: [
        { title: '谈话记录', reference: '档案盒 3', on: null, source: 'step', ...who },
        { title: '谈话提纲', reference: null, on: null, source: 'step', ...who },
        {
          title: '谈话记录（补签）',
          reference: 'https://archive.example/scan/017-2',
          on: '2025-03-21',
          source: 'attached',
          ...who,
        },
      ],
    });
    expect(row.attachable).toEqual(['application', 'talk']);
    expect(row.steps).toEqual({ application: '2025-03-01', talk: '2025-03-20' }); // a record moves no step

    // The step event carries its records; a step sent without any carries `records: []`.
    const events = await store.readStream(developmentStream(ids.person));
    expect(events.map((e) => [e.type, (e.data as { records?: unknown[] }).records?.length])).toEqual([
      ['ApplicationSubmitted', 1],
      ['ApplicantTalkHeld', 2],
      ['DevelopmentRecordAttached', undefined],
    ]);
    await post(`/development/cases/${ids.person}/activist`, {
      on: '2025-09-01',
      recommendation: 'member_recommendation',
    });
    const activist = (await store.readStream(developmentStream(ids.person))).at(-1);
    expect(activist?.data).toMatchObject({ records: [] });
  });

  test('a record for a step not done is refused with 422 on `step`, and nothing is appended', async () => {
    const before = await streamLength();
    const refused = await t.request('POST', `/development/cases/${ids.person}/records`, {
      step: 'contacts',
      title: '培养联系人指定记录',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'development.record-step-not-done',
      field: 'step',
      messages: { zh: expect.stringContaining('第5步'), en: expect.stringContaining('Step 5') },
    });
    expect(await streamLength()).toBe(before);
  });

  test('bad input: a 400 naming each field, in Chinese and English; nothing appended; no 500', async () => {
    const before = await streamLength();
    const check = async (path: string, body: unknown, field: string, status = 400) => {
      const response = await t.request('POST', `/development/cases/${ids.person}/${path}`, body);
      expect(response.status).toBe(status);
      const fields = response.body.field ? [response.body.field] : Object.keys(response.body.errors ?? {});
      expect(fields).toContain(field);
      expect(response.body.messages).toEqual({ zh: expect.any(String), en: expect.any(String) });
    };
    await check('records', { step: 'nope', title: '材料' }, 'step');
    await check('records', { step: 'talk' }, 'title');
    await check('records', { step: 'talk', title: '材料', file: 'scan.pdf' }, 'file');
    await check('records', { step: 'talk', title: '材料', on: '2025-02-30' }, 'on');
    await check('records', { step: 'talk', title: '材料', on: '2099-01-01' }, 'on', 422);
    await check(
      'activist-filing',
      { on: '2025-09-02', records: [{ title: '备案报告' }, { title: ' ' }] },
      'records.1.title',
    );
    await check(
      'activist-filing',
      { on: '2025-09-02', records: Array.from({ length: 21 }, (_, i) => ({ title: `材料${i}` })) },
      'records',
    );
    await check(
      'activist-filing',
      { on: '2025-09-02', records: [{ title: '备案报告', on: '2099-01-01' }] },
      'records.0.on',
      422,
    );
    expect(await streamLength()).toBe(before);
  });

  test('an auditor attaches nothing; a secretary of another organisation is out of scope', async () => {
    const auditor = await t.userWithRole('auditor');
    const asAuditor = await t.requestAs(auditor, 'POST', `/development/cases/${ids.person}/records`, {
      step: 'talk',
      title: '谈话记录',
    });
    expect(asAuditor.status).toBe(403);
    const elsewhere = (
      await post('/party-organizations', {
        name: '另一个支部',
        kind: 'party_branch',
        parentId: ids.bureau,
        foundedOn: '2012-03-01',
      })
    ).id;
    const secretary = await t.userWithRole('secretary', { orgIds: [elsewhere] });
    const outOfScope = await t.requestAs(secretary, 'POST', `/development/cases/${ids.person}/records`, {
      step: 'talk',
      title: '谈话记录',
    });
    expect(outOfScope.status).toBe(403);
    const own = await t.userWithRole('secretary', { orgIds: [ids.branch], unitIds: [ids.unit] });
    const byOwn = await t.requestAs(own, 'POST', `/development/cases/${ids.person}/records`, {
      step: 'activist',
      title: '推荐票',
      reference: '支部档案柜 A-3',
    });
    expect(byOwn.status).toBe(201);
    const row = await caseRow();
    expect(row.records.activist).toEqual([expect.objectContaining({ title: '推荐票', source: 'attached' })]);
  });
});
