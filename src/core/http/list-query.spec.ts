import { describe, expect, test } from '@jest/globals';
import { ValidationError } from '../errors.js';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filters, listPage, parseListQuery, type ListSpec } from './list-query.js';

const spec: ListSpec = {
  sortable: { name: 'u.name' },
  id: 'u.id',
  defaultSort: ['name', 'ASC'],
  filters: { q: filters.search('u.name'), id: filters.oneOf('u.id') },
};

/** The field a refused query names, or a note that it was not refused with a ValidationError. */
const refusal = (query: Record<string, unknown>): string => {
  try {
    parseListQuery(query, spec);
    return 'accepted';
  } catch (error) {
    return error instanceof ValidationError ? error.field! : `threw ${String(error)}`;
  }
};

describe('parseListQuery: whatever a client sends is a list or a 400 naming the parameter', () => {
  test.each(['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'])(
    'sort by Object.prototype member %s is refused',
    (field) => expect(refusal({ sort: JSON.stringify([field, 'ASC']) })).toBe('sort'),
  );

  test.each([
    ['{"toString":1}', 'filter.toString'],
    ['{"__proto__":"x"}', 'filter.__proto__'],
    ['{"constructor":"x"}', 'filter.constructor'],
    ['{"q":{"toString":1}}', 'filter.q'],
    ['{"id":[{}]}', 'filter.id'],
    [JSON.stringify({ id: Array.from({ length: 1001 }, (_, i) => String(i)) }), 'filter.id'],
  ])('filter %s is refused naming %s', (filter, field) => expect(refusal({ filter })).toBe(field));

  test.each(['[]', '[0]', '[1e20,1e21]', '[0,1,2]', '[3,1]', '[-1,4]', '[0.5,3]', '{}'])(
    'range %s is refused',
    (range) => expect(refusal({ range })).toBe('range'),
  );

  test('a direction that is not text is refused, not turned into text', () =>
    expect(refusal({ sort: '["name",{"toString":1}]' })).toBe('sort'));

  test('every list sorts by id (react-admin’s default sort), by the list’s id column', () => {
    expect(parseListQuery({ sort: '["id","ASC"]' }, spec).orderBy).toBe('u.id ASC');
    expect(parseListQuery({ sort: '["id","desc"]' }, spec).orderBy).toBe('u.id DESC');
  });

  test('a valid query still reads as before', () => {
    expect(
      parseListQuery({ sort: '["name","DESC"]', range: '[10,19]', filter: '{"q":"桥山","id":["a"]}' }, spec),
    ).toEqual({
      orderBy: 'u.name DESC',
      offset: 10,
      limit: 10,
      where: "WHERE (u.name LIKE ? ESCAPE '\\') AND u.id IN (?)",
      params: ['%桥山%', 'a'],
    });
  });
});

describe('a list’s total is counted again whenever the read models changed', () => {
  test('a write by this connection, a commit by another and a table made again all show', () => {
    const dir = mkdtempSync(join(tmpdir(), 'party-ledger-list-'));
    const file = join(dir, 'read-models.sqlite');
    const db = new Database(file);
    const other = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.exec("CREATE TABLE u (id TEXT PRIMARY KEY, name TEXT); INSERT INTO u VALUES ('a', '甲'), ('b', '乙')");
      const page = (where = '', params: unknown[] = []) =>
        listPage(
          db,
          { columns: 'u.id', from: 'u', tieBreak: 'u.id' },
          { orderBy: 'u.name', offset: 0, limit: 1, where, params },
        );
      expect(page().total).toBe(2);
      expect(page('WHERE u.name = ?', ['甲']).total).toBe(1);
      db.prepare("INSERT INTO u VALUES ('c', '丙')").run();
      expect(page().total).toBe(3);
      other.prepare("DELETE FROM u WHERE id = 'a'").run();
      expect(page().total).toBe(2);
      expect(page('WHERE u.name = ?', ['甲']).total).toBe(0);
      db.exec('DROP TABLE u; CREATE TABLE u (id TEXT PRIMARY KEY, name TEXT)');
      expect(page().total).toBe(0);
    } finally {
      other.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a list sorted by a column with ties', () => {
  test('pages in either direction cover every row once, one the reverse of the other, through one index', () => {
    const db = new Database(':memory:');
    try {
      // Many rows share a day, as members share a joining day (七一): the tie-break decides their order.
      db.exec('CREATE TABLE m (id TEXT PRIMARY KEY, joined_on TEXT); CREATE INDEX m_joined ON m (joined_on, id)');
      const insert = db.prepare('INSERT INTO m VALUES (?, ?)');
      for (let i = 0; i < 60; i++) insert.run(`m${String((i * 37) % 60).padStart(2, '0')}`, `2005-07-0${i % 3}`);
      const source = { columns: 'm.id', from: 'm', tieBreak: 'm.id' };
      const pages = (direction: 'ASC' | 'DESC') =>
        Array.from({ length: 9 }, (_, page) => page * 7).flatMap((offset) =>
          listPage<{ id: string }>(db, source, {
            orderBy: `m.joined_on ${direction}`,
            offset,
            limit: 7,
            where: '',
            params: [],
          }).rows.map((r) => r.id),
        );
      const ascending = pages('ASC');
      expect(new Set(ascending).size).toBe(60);
      expect(pages('DESC')).toEqual([...ascending].reverse());
      // The descending page walks the index backwards; a mixed order would sort each tie in a temporary b-tree.
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT m.id FROM m ORDER BY m.joined_on DESC, m.id DESC LIMIT 7 OFFSET 7')
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join('; ')).not.toMatch(/TEMP B-TREE/);
    } finally {
      db.close();
    }
  });
});
