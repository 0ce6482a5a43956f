import { describe, expect, test } from '@jest/globals';
import { Module } from '@nestjs/common';
import { StartupError } from '../../src/core/errors.js';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store.js';
import type { Feature } from '../../src/core/feature.js';
import { EVERYONE } from '../../src/core/roles.js';
import { startTestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { seedDemoCounty } from '../../src/demo/demo-county.js';
import { FEATURES } from '../../src/features.js';

@Module({})
class NothingModule {}

/** A feature that would plug in beside the real ones. */
const another = (declares: Partial<Feature>): Feature => ({
  name: 'another',
  module: NothingModule,
  events: [],
  ...declares,
});

const owners = (type: string) => FEATURES.filter((feature) => feature.events.includes(type)).map((f) => f.name);

/**
 * The list of features (src/features.ts) is the one place a feature plugs in: the app refuses to start
 * when two of them claim the same thing, and their declared event types are every type the app writes.
 */
describe('the list of features', () => {
  test.each([
    [
      'an event type',
      { events: ['UnitRegistered'] },
      /event type "UnitRegistered" is declared by both "organizations" and "another"/,
    ],
    [
      'a resource',
      { permissions: { units: { list: EVERYONE } } },
      /resource "units" is declared by both "organizations" and "another"/,
    ],
    [
      'a kernel resource',
      { permissions: { obligations: { list: EVERYONE } } },
      /resource "obligations" is declared by both "the kernel" and "another"/,
    ],
    [
      'a read model',
      { projections: FEATURES[0].projections!.slice(0, 1) },
      /read model "units" is declared by both "organizations" and "another"/,
    ],
    ['a name', { name: 'development' }, /two features are named "development"/],
  ])('the app refuses to start when two features declare %s', async (_what, declares, message) => {
    const start = startTestApp({ features: [...FEATURES, another(declares)] });
    await expect(start).rejects.toBeInstanceOf(StartupError);
    await expect(start).rejects.toThrow(message);
  });

  test('every event type the demo county writes is declared by exactly one feature', async () => {
    const clock = new ManualClock('2026-11-23T02:00:00Z');
    const store = new MemoryEventStore(clock);
    await seedDemoCounty(store, clock, 'hash');
    const written = [...new Set((await store.readAll()).map((event) => event.type))].sort();
    expect(written.length).toBeGreaterThan(20);
    expect(written.map((type) => [type, owners(type)])).toEqual(written.map((type) => [type, [expect.any(String)]]));
  });

  test('every event type a read model or policy reads is declared by exactly one feature', () => {
    const read = FEATURES.flatMap((f) => [...(f.projections ?? []), ...(f.policies ?? [])]).flatMap((consumer) =>
      consumer.handles.filter((type) => type !== '*'),
    );
    const types = [...new Set(read)].sort();
    expect(types.map((type) => [type, owners(type).length])).toEqual(types.map((type) => [type, 1]));
  });
});
