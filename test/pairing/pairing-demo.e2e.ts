import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { seedDemoCounty } from '../../src/demo/demo-county.js';
import { FEATURES } from '../../src/features.js';
import { listPairings, pairingDetail } from '../../src/pairing/projections/pairing-queries.js';
import { pairingsProjection } from '../../src/pairing/projections/pairings.projection.js';

/**
 * The demo county's four pairing communities of seed 004, read through the pairing read model: some ahead,
 * some behind the straight-line pace, one target met early, and the activity log of each.
 */
describe('the demo county’s pairing communities', () => {
  test('four pairs with their work since the term began, some behind pace, one target met early', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryEventStore(clock);
    const features = FEATURES.slice(0, FEATURES.findIndex((f) => f.name === 'pairing') + 1);
    const started = Date.now();
    await seedDemoCounty(store, clock, 'hash', 2019, features);
    const db = new Database(':memory:');
    pairingsProjection.init(db);
    for (const event of await store.readAll())
      if (pairingsProjection.handles.includes(event.type)) pairingsProjection.evolve(db, event);
    const { rows } = listPairings(
      db,
      { orderBy: 'p.start_on', offset: 0, limit: 10, where: '', params: [] },
      '2026-11-23',
    );
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['东槐院小学→梦圆学校', '城南学校→雏鹰学校', '桥山中学→兴华学校', '桥陵镇中心小学→丰阳学校'].sort(),
    );
    const byHelper = Object.fromEntries(rows.map((r) => [r.helperUnitName, r.progress]));
    expect(byHelper['桥山中学'].teachers).toMatchObject({ met: true, done: 4 });
    expect(byHelper['桥山中学'].teachers.metOn! < '2025-03-01').toBe(true);
    expect(byHelper['桥陵镇中心小学'].teachers.behindPace).toBe(true);
    // New members come from development's demo cases in the helped schools, never typed in.
    expect(byHelper['桥山中学'].members).toMatchObject({ done: 3, met: true });
    expect(byHelper['桥山中学'].behindPace).toBe(false);
    expect(rows.filter((r) => r.progress.behindPace).length).toBe(3);
    const detail = pairingDetail(db, rows[0].id, '2026-11-23')!;
    expect(detail.pairs.length).toBeGreaterThan(0);
    expect(detail.summaries.map((s) => (s as { year: number }).year)).toEqual([2024, 2025, 2026]);
    // The whole county up to the pairing part, on a busy machine: the pairing part itself adds well under 3 s.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
