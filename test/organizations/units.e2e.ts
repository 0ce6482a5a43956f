import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { FEATURES } from '../../src/features.js';

/** The spine's first slice end to end: HTTP command → event → projection → HTTP query. */
describe('units: register, list, rename (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  const head = async () => (await store.headPosition()).toString();

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EVENT_STORE);
  });
  afterAll(async () => t.close());

  test('a registered unit is stored as an event and readable at once through the projection', async () => {
    const created = await t.request('POST', '/units', {
      name: '桥山中学',
      type: 'public_school',
      district: '城区片区',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stream: `unit-${created.body.id}`,
      revision: 0,
      events: [{ type: 'UnitRegistered' }],
    });

    const [event] = await store.readStream(`unit-${created.body.id}`);
    expect(event.data).toEqual({
      unitId: created.body.id,
      name: '桥山中学',
      type: 'public_school',
      district: '城区片区',
      centralSchool: null,
    });
    expect(event.metadata).toMatchObject({
      unitIds: [created.body.id],
      schemaVersion: 1,
      actorId: 'admin',
      actorRole: 'bureau_admin',
    });

    const read = await t.request('GET', `/units/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: created.body.id,
      name: '桥山中学',
      type: 'public_school',
      district: '城区片区',
      revision: 0,
    });
  });

  test('lists follow ra-data-simple-rest: sort, range, filter and Content-Range', async () => {
    for (const [name, type] of [
      ['兴华学校', 'private_school'],
      ['雏鹰学校', 'private_school'],
      ['梦圆幼儿园', 'private_kindergarten'],
    ]) {
      expect((await t.request('POST', '/units', { name, type })).status).toBe(201);
    }
    const page = await t.request(
      'GET',
      `/units?${new URLSearchParams({ sort: '["name","DESC"]', range: '[0,1]', filter: '{"type":"private_school"}' })}`,
    );
    expect(page.status).toBe(200);
    // Names sort by pinyin (雏 chú before 兴 xīng), not by code point.
    expect(page.body.map((u: { name: string }) => u.name)).toEqual(['兴华学校', '雏鹰学校']);
    expect(page.headers.get('content-range')).toBe('units 0-1/2');
    const search = await t.request('GET', `/units?filter=${encodeURIComponent('{"q":"幼儿"}')}`);
    expect(search.body.map((u: { name: string }) => u.name)).toEqual(['梦圆幼儿园']);
  });

  test.each([
    [{ type: 'public_school' }, 'name', 'is required'],
    [{ name: '  ', type: 'public_school' }, 'name', 'must not be empty'],
    [{ name: '城南学校', type: 'palace' }, 'type', 'must be one of'],
    [{ name: '城南学校', type: 'public_school', idNumber: '610526200001011234' }, 'idNumber', 'unknown field'],
  ])(
    'bad input %j is a 400 naming the field, in Chinese and English, and appends nothing',
    async (body, field, english) => {
      const before = await head();
      const response = await t.request('POST', '/units', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'validation.failed', field });
      expect(response.body.fieldMessages[field].en).toContain(english);
      expect(response.body.fieldMessages[field].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(await head()).toBe(before);
    },
  );

  test('malformed JSON, bad ids and unknown units get clear 4xx answers', async () => {
    const malformed = await t.request('POST', '/units', '{"name": "桥', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('request.malformed');
    expect((await t.request('GET', '/units/not-a-uuid')).status).toBe(400);
    const missing = await t.request('GET', '/units/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.messages.zh).toContain('未找到单位');
    const badSort = await t.request('GET', '/units?sort=["secret","ASC"]');
    expect(badSort.status).toBe(400);
    expect(badSort.body.field).toBe('sort');
  });

  test('a stale edit gets 409 with the revisions; two editors racing: one wins, one gets 409', async () => {
    const { body: unit } = await t.request('POST', '/units', { name: '东槐院小学', type: 'public_school' });
    const renamed = await t.request('POST', `/units/${unit.id}/rename`, {
      name: '东槐院小学（新）',
      expectedRevision: 0,
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body.revision).toBe(1);

    const stale = await t.request('POST', `/units/${unit.id}/rename`, { name: '东槐院', expectedRevision: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'concurrency.conflict',
      conflict: { stream: `unit-${unit.id}`, expected: '0', actual: '1' },
    });

    const race = await Promise.all([
      t.request('POST', `/units/${unit.id}/rename`, { name: '甲', expectedRevision: 1 }),
      t.request('POST', `/units/${unit.id}/rename`, { name: '乙', expectedRevision: 1 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await store.readStream(`unit-${unit.id}`)).toHaveLength(3);
  });

  test('Idempotency-Key: same key and body replays the first answer; another body is 422', async () => {
    const body = { name: '桥陵镇中心小学', type: 'public_school' };
    const key = { 'idempotency-key': 'register-qiaoling-1' };
    const first = await t.request('POST', '/units', body, key);
    const before = await head();
    const again = await t.request('POST', '/units', body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await head()).toBe(before);
    const [event] = await store.readStream(`unit-${first.body.id}`);
    expect(event.metadata.commandId).toBe('register-qiaoling-1');

    const reused = await t.request('POST', '/units', { ...body, name: '丰阳学校' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key-reused');
    expect(await head()).toBe(before);
  });

  test('health reports the store head and each projection with no lag', async () => {
    const health = await t.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.eventStore).toEqual({ kind: 'sqlite', head: await head() });
    expect(health.body.redis).toBe('ok');
    const current = await head();
    // Every read model of every feature in the list (a new feature's read models appear without editing this test).
    const readModels = FEATURES.flatMap((feature) => (feature.projections ?? []).map(({ name }) => name));
    expect(readModels).toEqual(expect.arrayContaining(['units', 'party_orgs', 'members', 'positions', 'activity']));
    expect(health.body.projections.map((p: { name: string }) => p.name).sort()).toEqual(readModels.sort());
    for (const projection of health.body.projections) {
      expect(projection).toMatchObject({ lag: 0, state: 'running', checkpoint: current });
    }
  });
});
