import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';

/** Home pages per role: the county at a glance for the bureau, one's own units for an instructor. */
describe('dashboard (e2e, demo county)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'true' }, clock: new ManualClock('2026-11-23T02:00:00Z') });
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
});
