import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';

/**
 * The demo county's instructors: the 108 demo accounts dispatched to the units they are scoped to, a year
 * of visits with some months missed, affiliated organisations' confirmations with gaps.
 */
describe('demo county: instructors (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  });
  afterAll(async () => t.close());

  test('every demo instructor is dispatched to exactly the units of their account', async () => {
    const overview = await t.request('GET', '/instructors/calendar/overview');
    expect(overview.body.instructors).toHaveLength(108);
    const token = await t.login('instructor-001', DEMO_PASSWORD);
    const me = await t.requestAs(token, 'GET', '/auth/me');
    const mine = await t.requestAs(token, 'GET', '/instructors/calendar');
    expect(mine.body.rows.map((r: { unitId: string }) => r.unitId).sort()).toEqual(
      [...me.body.roles[0].unitIds].sort(),
    );
  });

  test('a year of visits leaves some months missed, most visited; this month is due for some', async () => {
    const { body } = await t.request('GET', '/instructors/calendar');
    const cells = body.rows.flatMap((r: { cells: { status: string }[] }) => r.cells.map((c) => c.status));
    const share = (status: string) => cells.filter((s: string) => s === status).length / cells.length;
    expect(share('visited')).toBeGreaterThan(0.6);
    expect(share('missed')).toBeGreaterThan(0.02);
    expect(share('due')).toBeGreaterThan(0);
    const missed = await t.request('GET', `/obligations?filter=${encodeURIComponent('{"code":"C1","overdue":true}')}`);
    expect(Number(missed.headers.get('content-range')?.split('/')[1])).toBeGreaterThan(10);
  });

  test('affiliated organisations confirmed most months, with gaps', async () => {
    const { body } = await t.request('GET', '/instructors/org-life-confirmations');
    expect(body.organisations.length).toBeGreaterThan(5);
    const cells = body.organisations.flatMap((o: { cells: { status: string }[] }) => o.cells.map((c) => c.status));
    expect(cells).toContain('confirmed');
    expect(cells).toContain('missing');
  });
});
