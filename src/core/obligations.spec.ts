import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { listOpenObligations, openObligationById, sourceIdsOf, type PublishedObligations } from './obligations.js';

/** Two features' sources over their own tables, ids with `:` as the sources write them. */
const setUp = () => {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE dev_open (id TEXT PRIMARY KEY, due_on TEXT);
    CREATE TABLE org_open (id TEXT PRIMARY KEY, due_on TEXT);
    INSERT INTO dev_open VALUES ('p1:A3:2026-12-01', '2026-12-01'), ('p.2:A3:2026-11-01', '2026-11-01');
    INSERT INTO org_open VALUES ('u1:B15', '2027-01-05');
  `);
  const source = (feature: string, table: string, code: string): PublishedObligations => ({
    feature,
    codes: [{ code, title: { zh: code, en: code }, who: 'branch_secretary' }],
    openSql: `SELECT id, '${code}' AS code, '标题' AS title_zh, 'Title' AS title_en, 'person' AS subject_kind,
      id AS subject_id, NULL AS subject_name, 'u1' AS unit_id, NULL AS org_id, due_on, NULL AS not_before,
      'branch_secretary' AS who, NULL AS opened_on FROM ${table}`,
  });
  const sources = [source('development', 'dev_open', 'A3'), source('organizations', 'org_open', 'B15')];
  return { db, sources };
};

describe('one obligation by its id, read from the feature that published it', () => {
  test('the source ids a kernel id may stand for: each dot after the feature either a dot or a colon', () => {
    const { sources } = setUp();
    expect(sourceIdsOf(sources, 'organizations.u1.B15')?.ids.sort()).toEqual(['u1.B15', 'u1:B15']);
    expect(sourceIdsOf(sources, 'development.p1.A3.2026-12-01')?.ids).toHaveLength(4);
    expect(sourceIdsOf(sources, 'nobody.u1')).toBeUndefined();
  });

  test('finds the same obligation the whole list holds, and nothing once it is met', () => {
    const { db, sources } = setUp();
    const all = listOpenObligations(
      db,
      sources,
      { orderBy: 'o.id ASC', offset: 0, limit: 100, where: '', params: [] },
      '2026-11-30',
    ).rows;
    expect(all.map((o) => o.id)).toEqual([
      'development.p.2.A3.2026-11-01',
      'development.p1.A3.2026-12-01',
      'organizations.u1.B15',
    ]);
    for (const listed of all) expect(openObligationById(db, sources, listed.id, '2026-11-30')).toEqual(listed);
    expect(openObligationById(db, sources, 'development.p.2.A3.2026-11-01', '2026-11-30')?.overdue).toBe(true);

    db.prepare('DELETE FROM org_open').run();
    expect(openObligationById(db, sources, 'organizations.u1.B15', '2026-11-30')).toBeUndefined();
    expect(openObligationById(db, sources, 'unknown.x', '2026-11-30')).toBeUndefined();
  });

  test('asks the source by its primary key, not by scanning it', () => {
    const { db, sources } = setUp();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM (${sources[0].openSql}) o WHERE o.id IN (?, ?) LIMIT 1`)
      .all('a', 'b') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX sqlite_autoindex_dev_open_1|PRIMARY KEY/);
  });
});
