import { expect, test } from '@jest/globals';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { seedDemoCounty } from '../../src/demo/demo-county.js';
import type { OrganizationalLifeEvent } from '../../src/organizational-life/organizational-life.events.js';

/** The demo county's organisational life: a year per branch with a few gaps, lessons, typical cases. */
test('a year of organisational life per branch, with gaps, lessons commented on and typical cases selected', async () => {
  const clock = new ManualClock('2026-11-23T00:00:00Z');
  const store = new MemoryEventStore(clock);
  await seedDemoCounty(store, clock, 'hash', 7);
  const events = (await store.readAll()).filter((e) =>
    ['orglife', 'typicalCase'].includes(e.stream.slice(0, e.stream.indexOf('-'))),
  ) as unknown as (OrganizationalLifeEvent & { metadata: { unitIds: string[] } })[];
  const meetings = events.flatMap((e) => (e.type === 'OrgLifeMeetingRecorded' ? [e.data] : []));
  const themeDays = new Map<string, number>();
  for (const m of meetings) if (m.kind === 'theme_party_day') themeDays.set(m.orgId, (themeDays.get(m.orgId) ?? 0) + 1);
  expect(themeDays.size).toBeGreaterThan(20);
  // Most branches hold every month's theme day; a few miss one.
  expect([...themeDays.values()].filter((n) => n < 12).length).toBeGreaterThan(0);
  expect(Math.max(...themeDays.values())).toBeGreaterThanOrEqual(12);
  expect(meetings.every((m) => m.heldOn < '2026-11-23')).toBe(true);
  const general = meetings.filter((m) => m.kind === 'branch_general_meeting');
  expect(general.some((m) => m.quorum?.quorate === false)).toBe(true);
  expect(general.filter((m) => m.quorum?.quorate).length).toBeGreaterThan(general.length / 2);
  expect(meetings.some((m) => m.kind === 'party_lesson' && m.lecturers.length === 2)).toBe(true);
  expect(events.filter((e) => e.type === 'PartyLessonCommented').length).toBeGreaterThan(10);
  expect(events.filter((e) => e.type === 'TypicalCaseSubmitted')).toHaveLength(6);
  expect(events.filter((e) => e.type === 'TypicalCaseSelected').length).toBeGreaterThan(0);
  expect(events.every((e) => e.metadata.unitIds.length > 0)).toBe(true);
});
