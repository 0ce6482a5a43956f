import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';

/** Home pages per role: the county at a glance for the bureau, one's own units for an instructor. */
describe('dashboard (e2e, demo county)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  });
  afterAll(async () => t.close());
  const tile = (body: { tiles: { key: string; value: number }[] }, key: string) =>
    body.tiles.find((x) => x.key === key);

  test('the bureau sees every unit, the B18 and B15 tiles, the chart by type and recent activity', async () => {
    const { body } = await t.request('GET', '/dashboard');
    expect(body.role).toBe('bureau_admin');
    expect(tile(body, 'units')?.value).toBe(84);
    expect(tile(body, 'committee-terms-due')?.value).toBeGreaterThan(0);
    expect(tile(body, 'units-need-own-organisation')).toBeDefined();
    const byType = body.charts.find((c: { key: string }) => c.key === 'units-by-type');
    expect(byType.data.reduce((sum: number, d: { value: number }) => sum + d.value, 0)).toBe(84);
    expect(body.recent).toHaveLength(10);
  });

  test('an instructor sees only its own units and no county-wide activity', async () => {
    const token = await t.login('instructor-002', 'Demo-2026');
    const { body } = await t.requestAs(token, 'GET', '/dashboard');
    const me = await t.requestAs(token, 'GET', '/auth/me');
    expect(tile(body, 'units')?.value).toBe(me.body.roles[0].unitIds.length);
    expect(tile(body, 'committee-terms-due')).toBeUndefined();
    expect(body.recent).toEqual([]);
  });

  test('every tile of every role links to the list it counts, and that list, so filtered, counts the same', async () => {
    const tokens: [string, string | null][] = [
      ['admin', null],
      ['staff', await t.login('staff', 'Demo-2026')],
      ['secretary-qiaoshan', await t.login('secretary-qiaoshan', 'Demo-2026')],
      ['instructor-002', await t.login('instructor-002', 'Demo-2026')],
    ];
    for (const [who, token] of tokens) {
      const send = (path: string) => (token ? t.requestAs(token, 'GET', path) : t.request('GET', path));
      const { body } = await send('/dashboard');
      expect(body.tiles.length).toBeGreaterThan(0);
      for (const { key, value, link, label } of body.tiles) {
        expect([who, key, link]).toEqual([who, key, expect.objectContaining({ resource: expect.any(String) })]);
        expect(label.zh).not.toMatch(/[A-Z]\d/); // no rule codes (B15, B18) in the words; they are `rule`
        const filter = encodeURIComponent(JSON.stringify(link.filter ?? {}));
        const list = await send(`/${link.resource}?filter=${filter}&range=[0,0]`);
        expect([who, key, list.status, Number(list.headers.get('content-range')?.split('/')[1])]).toEqual([
          who,
          key,
          200,
          value,
        ]);
      }
    }
  });

  test('probationary members overdue for conversion are counted and marked, with their due date', async () => {
    const { body } = await t.request('GET', '/dashboard');
    const overdue = tile(body, 'members-conversion-overdue');
    expect(overdue?.value).toBeGreaterThan(0);
    const list = await t.request(
      'GET',
      `/members?filter=${encodeURIComponent(JSON.stringify({ conversionDueBefore: '2026-11-23' }))}&range=[0,99]`,
    );
    for (const member of list.body) {
      expect(member).toMatchObject({ category: 'probationary', status: 'active', conversionOverdue: true });
      expect(member.conversionDueOn < '2026-11-23').toBe(true);
    }
    const one = await t.request('GET', `/members/${list.body[0].id}`);
    expect(one.body).toMatchObject({ conversionOverdue: true, conversionDueOn: list.body[0].conversionDueOn });
    const full = await t.request('GET', `/members?filter=${encodeURIComponent('{"category":"full"}')}&range=[0,0]`);
    expect(full.body[0]).toMatchObject({ conversionDueOn: null, conversionOverdue: false });
  });
});
