import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite-event-store.js';
import { newEvent } from '../event-store/event-store.contract.js';
import { statement, type Projection, type ReadModelDb } from './projection.js';
import { openReadModelDb } from './read-model-db.js';
import { ProjectionRunner } from './projection-runner.js';

/** Counts visits per unit; refuses an event marked poison, to test rollback. */
const visitsProjection = (version = 1): Projection => ({
  name: 'test_visits',
  version,
  handles: ['VisitLogged'],
  tables: ['test_visits'],
  init: (db) => db.exec('CREATE TABLE IF NOT EXISTS test_visits (unit TEXT PRIMARY KEY, visits INTEGER NOT NULL)'),
  indexes: ['CREATE INDEX IF NOT EXISTS test_visits_by_count ON test_visits (visits)'],
  evolve: (db, event) => {
    const { unit, poison } = event.data as { unit: string; poison?: boolean };
    if (poison) throw new Error('poisoned event');
    statement(
      db,
      'INSERT INTO test_visits (unit, visits) VALUES (?, 1) ON CONFLICT (unit) DO UPDATE SET visits = visits + 1',
    ).run(unit);
  },
});

const visits = (db: ReadModelDb) =>
  Object.fromEntries(
    (db.prepare('SELECT unit, visits FROM test_visits ORDER BY unit').all() as { unit: string; visits: number }[]).map(
      (row) => [row.unit, row.visits],
    ),
  );

describe('ProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ReadModelDb;
  const runners: ProjectionRunner[] = [];

  const runner = (projection = visitsProjection(), readModels = db) => {
    const created = new ProjectionRunner(store, readModels, [projection]);
    runners.push(created);
    return created;
  };
  const log = async (unit: string, count = 1) => {
    const result = await store.append(
      `visit-${unit}`,
      Array.from({ length: count }, () => newEvent('VisitLogged', { unit })),
      'any',
    );
    return result.position;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'party-ledger-proj-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL', pollIntervalMs: 20 });
    db = openReadModelDb(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('catches up on history, then follows live appends; waitFor sees a write through', async () => {
    await log('桥山中学', 3);
    await store.append('other-1', [newEvent('SomethingElse')], 'any');
    const projections = runner();
    await projections.start();
    await projections.caughtUp();
    expect(visits(db)).toEqual({ 桥山中学: 3 });
    const position = await log('兴华学校', 2);
    expect(await projections.waitFor(position, 5000)).toBe(true);
    expect(visits(db)).toEqual({ 桥山中学: 3, 兴华学校: 2 });
    const [status] = await projections.status();
    expect(status).toMatchObject({ name: 'test_visits', lag: 0, state: 'running', checkpoint: position.toString() });
  });

  test('a restart resumes from the checkpoint: nothing applied twice, nothing skipped', async () => {
    const first = runner();
    await first.start();
    await first.waitFor(await log('a', 4));
    await first.stop();
    await log('a', 2);
    const second = runner();
    await second.start();
    await second.waitFor(await log('b'));
    expect(visits(db)).toEqual({ a: 6, b: 1 });
  });

  test('a failing evolve rolls back its whole batch with the checkpoint, and reports the failure', async () => {
    await log('a', 2);
    await store.append('visit-x', [newEvent('VisitLogged', { unit: 'x', poison: true })], 'any');
    const projections = runner();
    await projections.start();
    expect(await projections.waitFor(await store.headPosition(), 500)).toBe(false);
    expect(visits(db)).toEqual({});
    const [status] = await projections.status();
    expect(status.state).toBe('failed');
    expect(status.error).toContain('poisoned event');
    expect(status.lag).toBe(3);
  });

  test('rebuild drops the rows and replays the log to the same result, with progress', async () => {
    const projections = runner();
    await projections.start();
    await projections.waitFor(await log('a', 5));
    db.prepare("UPDATE test_visits SET visits = 999 WHERE unit = 'a'").run();
    const progress: number[] = [];
    const replayed = await projections.rebuild('test_visits', (p) => progress.push(p.done));
    expect(replayed).toBe(5);
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(5);
    expect(visits(db)).toEqual({ a: 5 });
    await projections.waitFor(await log('a'));
    expect(visits(db)).toEqual({ a: 6 });
  });

  test('a rebuild skips other event types in the store and builds the query indexes after the replay', async () => {
    const indexes = () =>
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'test_visits'").all() as {
          name: string;
        }[]
      ).map((row) => row.name);
    const projections = runner();
    await projections.start();
    expect(indexes()).toContain('test_visits_by_count');
    await store.append('other-1', [newEvent('SomethingElse', { unit: 'x', poison: true })], 'no_stream');
    await projections.waitFor(await log('b', 3));
    const seen: number[] = [];
    const replayed = await projections.rebuild('test_visits', (p) => {
      seen.push(p.done);
      // The index comes only once the rows are in.
      if (p.done === 0) expect(indexes()).not.toContain('test_visits_by_count');
    });
    expect(replayed).toBe(4);
    expect(seen[seen.length - 1]).toBe(4);
    expect(visits(db)).toEqual({ b: 3 });
    expect(indexes()).toContain('test_visits_by_count');
  });

  test('a new projection version rebuilds at start', async () => {
    const v1 = runner();
    await v1.start();
    await v1.waitFor(await log('a', 2));
    await v1.stop();
    db.prepare("UPDATE test_visits SET visits = 999 WHERE unit = 'a'").run();
    const v2 = runner(visitsProjection(2));
    await v2.start();
    await v2.caughtUp();
    expect(visits(db)).toEqual({ a: 2 });
  });

  test('a rebuild by another process (another connection) is picked up, not double-applied', async () => {
    const server = runner();
    await server.start();
    await server.waitFor(await log('a', 3));
    const cliDb = openReadModelDb(join(dir, 'read-models.sqlite'));
    try {
      const cli = new ProjectionRunner(store, cliDb, [visitsProjection()]);
      await cli.rebuild('test_visits');
      const position = await log('a', 2);
      expect(await server.waitFor(position, 5000)).toBe(true);
      expect(visits(db)).toEqual({ a: 5 });
    } finally {
      cliDb.close();
    }
  });

  test('refuses two projections with one name and rebuilding an unknown one', async () => {
    expect(() => new ProjectionRunner(store, db, [visitsProjection(), visitsProjection()])).toThrow('Two projections');
    await expect(runner().rebuild('nope')).rejects.toThrow('Unknown projection nope');
  });

  test('every projection takes a batch in one shared transaction; one that fails sits out alone', async () => {
    const named = (name: string, poisonable: boolean): Projection => ({
      ...visitsProjection(),
      name,
      tables: [name],
      indexes: [],
      init: (d) => d.exec(`CREATE TABLE IF NOT EXISTS ${name} (unit TEXT PRIMARY KEY, visits INTEGER NOT NULL)`),
      evolve: (d, event) => {
        const { unit, poison } = event.data as { unit: string; poison?: boolean };
        if (poison && poisonable) throw new Error(`${name} refuses`);
        statement(
          d,
          `INSERT INTO ${name} (unit, visits) VALUES (?, 1) ON CONFLICT (unit) DO UPDATE SET visits = visits + 1`,
        ).run(unit);
      },
    });
    await log('a', 10);
    const shared = new ProjectionRunner(store, db, [
      named('p_one', false),
      named('p_two', false),
      named('p_three', true),
    ]);
    runners.push(shared);
    await shared.start();
    await shared.caughtUp();
    // One batch of ten events, three projections: one commit.
    expect(shared.stats.batches).toBe(1);
    const count = (table: string) => (db.prepare(`SELECT sum(visits) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('p_one'), count('p_two'), count('p_three')]).toEqual([10, 10, 10]);
    await store.append('visit-x', [newEvent('VisitLogged', { unit: 'x', poison: true })], 'any');
    const after = await log('b', 2);
    // p_three fails on the poisoned event and keeps its checkpoint; the other two go on.
    expect(await shared.waitFor(after, 1000)).toBe(false);
    expect([count('p_one'), count('p_two'), count('p_three')]).toEqual([13, 13, 10]);
    const states = Object.fromEntries((await shared.status()).map((s) => [s.name, s.state]));
    expect(states).toEqual({ p_one: 'running', p_two: 'running', p_three: 'failed' });
  });

  test('a projection that read none of a batch leaves its checkpoint behind until stop; a restart skips the same events again, applying nothing twice', async () => {
    const stored = () =>
      (
        statement(db, "SELECT position FROM projection_checkpoints WHERE name = 'test_visits'").get() as {
          position: string;
        }
      ).position;
    await log('桥山中学', 2);
    const first = runner();
    await first.start();
    await first.caughtUp();
    const applied = stored();
    // Events it does not read, as live batches: its position moves, its stored checkpoint does not.
    let head = 0n;
    for (let i = 0; i < 3; i++) head = (await store.append(`other-${i}`, [newEvent('SomethingElse')], 'any')).position;
    expect(await first.waitFor(head, 5000)).toBe(true);
    expect((await first.status())[0].checkpoint).toBe(head.toString());
    expect(stored()).toBe(applied);
    // A crash now (no stop): the next runner goes on from the stored checkpoint and skips them again.
    runners.splice(runners.indexOf(first), 1);
    await first['group'].stop();
    const second = runner();
    await second.start();
    await second.caughtUp();
    expect(visits(db)).toEqual({ 桥山中学: 2 });
    // An event it reads is committed with its checkpoint at once; stop writes the rest.
    const visit = await log('兴华学校');
    expect(await second.waitFor(visit, 5000)).toBe(true);
    expect(stored()).toBe(visit.toString());
    const tail = (await store.append('other-x', [newEvent('SomethingElse')], 'any')).position;
    expect(await second.waitFor(tail, 5000)).toBe(true);
    expect(stored()).toBe(visit.toString());
    await second.stop();
    expect(stored()).toBe(tail.toString());
    expect(visits(db)).toEqual({ 桥山中学: 2, 兴华学校: 1 });
  });
});
