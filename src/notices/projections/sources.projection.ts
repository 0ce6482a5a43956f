import { statement, type Projection } from '../../core/projections/projection.js';
import { BULLETIN_PUBLISHED, type BulletinPublishedData } from '../notices.events.js';

/**
 * What notices read of other features, from their events by type only (never their tables): the units
 * (names for lists, every unit for circulation) and the assessment's quarterly bulletins (季通报: ranks and
 * grades, the latest version of each period) for the lagging-unit suggestions.
 */
export const noticesSourcesProjection: Projection = {
  name: 'notices_sources',
  version: 1,
  handles: ['UnitRegistered', 'UnitRenamed', BULLETIN_PUBLISHED],
  tables: ['notices_units', 'notices_bulletins', 'notices_bulletin_ranks'],
  init: (db) => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notices_units (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS notices_bulletins (
        period TEXT PRIMARY KEY, year INTEGER NOT NULL, version INTEGER NOT NULL, published_on TEXT NOT NULL,
        stream TEXT NOT NULL, event_id TEXT NOT NULL, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS notices_bulletin_ranks (
        period TEXT NOT NULL, unit_id TEXT NOT NULL, rank INTEGER NOT NULL, total INTEGER NOT NULL,
        grade_id TEXT NOT NULL, flagged INTEGER NOT NULL, PRIMARY KEY (period, unit_id));`);
  },
  evolve: (db, recorded) => {
    if (recorded.type === 'UnitRegistered' || recorded.type === 'UnitRenamed') {
      const { unitId, name } = recorded.data as { unitId: string; name: string };
      statement(db, 'INSERT OR REPLACE INTO notices_units (id, name) VALUES (?, ?)').run(unitId, name);
      return;
    }
    if (recorded.type !== BULLETIN_PUBLISHED) return;
    const data = recorded.data as BulletinPublishedData;
    const current = statement(db, 'SELECT version FROM notices_bulletins WHERE period = ?').get(data.period) as
      { version: number } | undefined;
    // A corrected bulletin (a higher version) replaces the period's ranking; an older one arriving late does not.
    if (current && current.version > data.version) return;
    statement(db, 'INSERT OR REPLACE INTO notices_bulletins VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      data.period,
      data.year,
      data.version,
      data.publishedOn,
      recorded.stream,
      recorded.id,
      Number(recorded.position),
    );
    statement(db, 'DELETE FROM notices_bulletin_ranks WHERE period = ?').run(data.period);
    const flagged = new Set(data.flaggedUnitIds ?? []);
    const insert = statement(db, 'INSERT OR REPLACE INTO notices_bulletin_ranks VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of data.ranking ?? [])
      insert.run(data.period, r.unitId, r.rank, r.total, r.gradeId, flagged.has(r.unitId) ? 1 : 0);
  },
};
