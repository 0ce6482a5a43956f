import { describe, expect, test } from '@jest/globals';
import { Controller, Get, Inject, Module } from '@nestjs/common';
import { StartupError } from '../../src/core/errors.js';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store.js';
import type { Feature } from '../../src/core/feature.js';
import { Allow } from '../../src/core/http/access.js';
import { statement, type Projection, type ReadModelDb } from '../../src/core/projections/projection.js';
import { ProjectionRunner } from '../../src/core/projections/projection-runner.js';
import { READ_MODEL_DB } from '../../src/core/projections/read-model-db.js';
import { EVERYONE, READERS } from '../../src/core/roles.js';
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

/** A feature of its own, plugged in only by adding it to the list: notes taken about a unit, each due in a month. */
const notesProjection: Projection = {
  name: 'notes',
  version: 1,
  handles: ['NoteTaken'],
  tables: ['notes'],
  init: (db) =>
    db.exec('CREATE TABLE IF NOT EXISTS notes (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, due_on TEXT NOT NULL)'),
  evolve: (db, event) => {
    const { noteId, unitId, dueOn } = event.data as { noteId: string; unitId: string; dueOn: string };
    statement(db, 'INSERT OR IGNORE INTO notes VALUES (?, ?, ?)').run(noteId, unitId, dueOn);
  },
};
const countNotes = (db: ReadModelDb) => (statement(db, 'SELECT count(*) AS n FROM notes').get() as { n: number }).n;

@Controller('notes')
class NotesController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  @Get()
  @Allow('notes', 'list')
  list() {
    return { notes: countNotes(this.db) };
  }
}
@Module({ controllers: [NotesController] })
class NotesModule {}

const notesFeature: Feature = {
  name: 'notes',
  module: NotesModule,
  events: ['NoteTaken'],
  projections: [notesProjection],
  permissions: { notes: { list: READERS } },
  dashboard: [
    (db) => ({ tiles: [{ key: 'notes', label: { zh: '笔记', en: 'Notes' }, value: countNotes(db), tone: 'normal' }] }),
  ],
  obligations: [
    {
      codes: [{ code: 'N1', title: { zh: '整理笔记', en: 'Write the note up' }, who: 'branch_secretary' }],
      openSql: `SELECT id, 'N1' AS code, '整理笔记' AS title_zh, 'Write the note up' AS title_en, 'unit' AS subject_kind,
        unit_id AS subject_id, NULL AS subject_name, unit_id, NULL AS org_id, due_on, NULL AS not_before,
        'branch_secretary' AS who, NULL AS opened_on FROM notes`,
    },
  ],
  demo: {
    seed: async ({ run, id, count }) => {
      const model = { initialState: () => null, evolve: () => null };
      for (const n of [1, 2]) {
        const noteId = id('note', n);
        await run(`note-${noteId}`, model, '2026-11-02', () => ({
          type: 'NoteTaken',
          data: { noteId, unitId: id('unit', 'somewhere'), dueOn: `2026-12-0${n}` },
        }));
      }
      count('notes', 2);
    },
  },
};

describe('a feature plugged in by one line in the list', () => {
  test('its routes, role matrix, read model, home-page tile, obligations, activity and demo part all work', async () => {
    const t = await startTestApp({
      features: [...FEATURES, notesFeature],
      clock: new ManualClock('2026-11-23T02:00:00Z'),
    });
    try {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const summary = await seedDemoCounty(store, new ManualClock('2026-11-23T02:00:00Z'), 'hash', 7, [notesFeature]);
      expect(summary).toMatchObject({ notes: 2, events: 2 });
      await t.app.get(ProjectionRunner).waitFor(await store.headPosition());
      expect((await t.request('GET', '/notes')).body).toEqual({ notes: 2 });
      const auditor = await t.userWithRole('auditor');
      expect((await t.requestAs(auditor, 'GET', '/notes')).status).toBe(200);
      const unit = (await t.request('POST', '/units', { name: '兴华学校', type: 'private_school' })).body.id;
      const instructor = await t.userWithRole('instructor', { unitIds: [unit] });
      expect((await t.requestAs(instructor, 'GET', '/notes')).body.code).toBe('access.denied');
      const tiles = (await t.request('GET', '/dashboard')).body.tiles as { key: string; value: number }[];
      expect(tiles.find((tile) => tile.key === 'notes')?.value).toBe(2);
      const obligations = await t.request('GET', `/obligations?filter=${encodeURIComponent('{"source":"notes"}')}`);
      expect(obligations.body.map((o: { code: string; dueOn: string }) => [o.code, o.dueOn])).toEqual([
        ['N1', '2026-12-01'],
        ['N1', '2026-12-02'],
      ]);
      const activity = await t.request('GET', `/activity?filter=${encodeURIComponent('{"type":"NoteTaken"}')}`);
      expect(activity.body).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});
