import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';

/** The demo county ships last year's and this year's Pucheng-style rules, published, with scores. */
describe('the demo county assessment (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  }, 180_000);
  afterAll(async () => t?.close());

  test('two years of published rules, every unit ranked with a grade, every point of a unit explained', async () => {
    const years = await t.request('GET', '/assessment/rulesets');
    expect(years.body).toMatchObject([
      { year: 2026, versions: 1, latestVersion: 1 },
      { year: 2025, versions: 1, latestVersion: 1 },
    ]);
    for (const year of [2025, 2026]) {
      const ranking = await t.request('GET', `/assessment/scores?year=${year}`);
      expect(ranking.status).toBe(200);
      expect(ranking.body.version).toBe(1);
      expect(ranking.body.rows.length).toBeGreaterThan(50);
      expect(ranking.body.rows[0].rank).toBe(1);
      expect(new Set(ranking.body.rows.map((r: { grade: { id: string } }) => r.grade.id)).size).toBeGreaterThan(0);
    }
    const [top] = (await t.request('GET', '/assessment/scores?year=2026')).body.rows;
    const explained = await t.request('GET', `/assessment/units/${top.unitId}/score?year=2026`);
    const tenths = (n: number) => Math.round(n * 10);
    const sections = explained.body.sections as { points: number; items: { points: number }[] }[];
    expect(sections.reduce((sum, s) => sum + s.items.reduce((inner, i) => inner + tenths(i.points), 0), 0)).toBe(
      tenths(explained.body.total),
    );
    expect(explained.body.total).toBe(top.total);
  });

  test('last year’s four quarterly bulletins and this year’s three, bottom three flagged; pairing and evidence scored', async () => {
    const list = await t.request('GET', '/assessment/bulletins');
    expect(list.status).toBe(200);
    expect(list.body.map((b: { period: string }) => b.period)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    for (const bulletin of list.body as { ranking: { rank: number; flagged: boolean }[]; flaggedUnitIds: string[] }[]) {
      expect(bulletin.flaggedUnitIds).toHaveLength(3);
      expect(bulletin.ranking.slice(-3).every((row) => row.flagged)).toBe(true);
      expect(bulletin.ranking[0].rank).toBe(1);
    }
    // Last year's: the demo files its evidence for the years before this one.
    const rows = (await t.request('GET', '/assessment/scores?year=2025')).body.rows as { unitId: string }[];
    const bonuses = new Set<string>();
    for (const row of rows) {
      const explained = await t.request('GET', `/assessment/units/${row.unitId}/score?year=2025`);
      for (const section of explained.body.sections as { items: { indicator: string; points: number }[] }[])
        for (const item of section.items) if (item.points > 0 && item.indicator) bonuses.add(item.indicator);
    }
    expect([...bonuses]).toEqual(expect.arrayContaining(['pairing-progress', 'evidence-on-file']));
    // Q4 has not ended: D2 owes nothing for it yet, and every ended quarter has its bulletin.
    const search = `filter=${encodeURIComponent(JSON.stringify({ source: ['assessment'] }))}`;
    expect((await t.request('GET', `/obligations?${search}`)).body).toEqual([]);
  });
});
