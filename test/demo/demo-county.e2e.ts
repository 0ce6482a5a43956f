import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { seedDemoCounty } from '../../src/demo/demo-county.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';

const contentOf = async (seed: number) => {
  const store = new MemoryEventStore(new ManualClock('2026-11-23T00:00:00Z'));
  await seedDemoCounty(store, new ManualClock('2026-11-23T00:00:00Z'), 'hash', seed);
  return (await store.readAll()).map((e) => [e.stream, e.type, e.data, e.metadata.occurredAt]);
};

describe('demo county', () => {
  test('the same seed gives the same county; another seed another one', async () => {
    const [a, b, c] = [await contentOf(7), await contentOf(7), await contentOf(8)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  describe('loaded on the first start of an empty store, through commands', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The cases are dated back from the clock: a fixed day keeps them inside the loaded holiday calendars.
      t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
    });
    afterAll(async () => t.close());
    const total = async (path: string) =>
      Number((await t.request('GET', path)).headers.get('content-range')?.split('/')[1]);

    test('the four pairing communities of seed 004, 25 affiliated organisations and 108 instructors', async () => {
      for (const name of [
        '桥山中学',
        '兴华学校',
        '城南学校',
        '雏鹰学校',
        '东槐院小学',
        '梦圆学校',
        '桥陵镇中心小学',
        '丰阳学校',
      ]) {
        const found = await t.request('GET', `/units?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
        expect(found.body.map((u: { name: string }) => u.name)).toContain(name);
      }
      expect(await total(`/party-organizations?filter=${encodeURIComponent('{"kind":"affiliated_party_org"}')}`)).toBe(
        25,
      );
      expect(await total(`/users?filter=${encodeURIComponent('{"role":"instructor"}')}`)).toBe(108);
      expect(await total('/members?filter={"status":"active"}')).toBeGreaterThan(300);
    });

    test('histories span three years of business time; some committees are past their term (B15)', async () => {
      // By business date, year by year: the newest records alone (later features' months of visits and
      // meetings) would not reach back three years.
      for (const year of ['2024', '2025', '2026']) {
        const filter = encodeURIComponent(JSON.stringify({ from: `${year}-01-01`, to: `${year}-12-31` }));
        expect([year, (await total(`/activity?filter=${filter}&range=[0,0]`)) > 0]).toEqual([year, true]);
      }
      expect(
        await total(`/party-organizations?filter=${encodeURIComponent('{"termEndsBy":"2026-11-23"}')}`),
      ).toBeGreaterThan(0);
    });

    test('a demo instructor signs in and sees only the units it is dispatched to', async () => {
      const token = await t.login('instructor-001', DEMO_PASSWORD);
      const me = await t.requestAs(token, 'GET', '/auth/me');
      const units = await t.requestAs(token, 'GET', '/units?range=[0,99]');
      expect(units.body.map((u: { id: string }) => u.id).sort()).toEqual([...me.body.roles[0].unitIds].sort());
      expect(units.body.every((u: { type: string }) => u.type !== 'public_school')).toBe(true);
    });

    test('membership development: cases at every stage, converted and refused ones, some overdue', async () => {
      const count = async (filter: object, token?: string) => {
        const path = `/development/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,0]`;
        const response = token ? await t.requestAs(token, 'GET', path) : await t.request('GET', path);
        return Number(response.headers.get('content-range')?.split('/').pop()); // 'development/cases 0-0/21'
      };
      for (const stage of [1, 2, 3, 4, 5])
        expect([stage, (await count({ stage, status: 'open' })) > 0]).toEqual([stage, true]);
      expect(await count({ status: 'full_member' })).toBeGreaterThan(0);
      expect(await count({ status: 'not_admitted' })).toBeGreaterThan(0);
      const soonest = await t.request('GET', '/development/cases?sort=["nextDueOn","ASC"]&range=[0,99]');
      const overdue = soonest.body.filter(
        (c: { nextDueOn: string | null }) => c.nextDueOn && c.nextDueOn < '2026-11-23',
      );
      expect(overdue.length).toBeGreaterThan(0);
      // 桥山中学's secretary has cases of their own to work on, and the board shows them.
      const secretary = await t.login('secretary-qiaoshan', DEMO_PASSWORD);
      expect(await count({}, secretary)).toBeGreaterThan(3);
      const board = await t.requestAs(secretary, 'GET', '/development/pipeline');
      expect(board.body.length).toBeGreaterThan(0);
    });
  });
});
