import type Database from 'better-sqlite3';
import { statement } from '../projections/projection.js';
import type { Response } from 'express';
import { ValidationError } from '../errors.js';

/**
 * Lists follow react-admin's `ra-data-simple-rest` conventions:
 * `?sort=["name","ASC"]&range=[0,24]&filter={"q":"桥山","type":"private_school"}` in, the page
 * as a JSON array out, with `Content-Range: units 0-24/319` telling the total.
 */
export interface ListSpec {
  /** Field name → SQL expression it sorts by. */
  sortable: Record<string, string>;
  /**
   * The SQL expression of the row's `id`: every list sorts by `id` too, because stock clients ask for it
   * (react-admin's List, ReferenceManyField and getManyReference default to `sort=["id","ASC"]`).
   */
  id: string;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Filter field → SQL condition with one `?` per parameter, and how to turn the value into parameters. */
  filters: Record<string, (value: FilterValue) => { sql: string; params: unknown[] }>;
  maxPageSize?: number;
}

/** What a filter field may hold: text, a number, true/false, or a list of them (`{"id":["a","b"]}`). */
export type FilterValue = string | number | boolean | (string | number | boolean)[];

export interface ListQuery {
  orderBy: string;
  offset: number;
  limit: number;
  where: string;
  params: unknown[];
}

/** Longest list a filter accepts (`{"id":[…]}`), well under SQLite's limit of bound parameters. */
export const MAX_FILTER_VALUES = 1000;

const invalid = (field: string, zh: string, en: string) =>
  new ValidationError([{ field, code: 'invalid_list_query', message: { zh, en } }]);

const parseJson = (field: string, raw: unknown): unknown => {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalid(field, '应为 JSON 文本', 'must be JSON text');
  try {
    return JSON.parse(raw);
  } catch {
    throw invalid(field, '不是有效的 JSON', 'is not valid JSON');
  }
};

/**
 * The entry of `table` named by a client's text, or undefined. Only own properties count: `constructor`,
 * `toString` or `__proto__` must never reach Object.prototype's members.
 */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

const isScalar = (value: unknown): value is string | number | boolean =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';

const parseSort = (query: Record<string, unknown>, spec: ListSpec): string => {
  const sort = parseJson('sort', query.sort) ?? spec.defaultSort;
  const fields = [...Object.keys(spec.sortable), 'id'];
  const column = Array.isArray(sort) ? (sort[0] === 'id' ? spec.id : ownEntry(spec.sortable, sort[0])) : undefined;
  if (!Array.isArray(sort) || sort.length > 2 || column === undefined)
    throw invalid('sort', `只能按以下字段排序：${fields.join('、')}`, `can sort by: ${fields.join(', ')}`);
  const direction = sort[1] === undefined ? 'ASC' : typeof sort[1] === 'string' ? sort[1].toUpperCase() : '';
  if (direction !== 'ASC' && direction !== 'DESC')
    throw invalid('sort', '排序方向应为 ASC 或 DESC', 'direction must be ASC or DESC');
  return `${column} ${direction}`;
};

const parseRange = (query: Record<string, unknown>, spec: ListSpec): { offset: number; limit: number } => {
  const range = parseJson('range', query.range) ?? [0, 24];
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw invalid(
      'range',
      '应为 [起始, 结束]：两个非负整数，结束不小于起始',
      'must be [start, end]: two non-negative integers, end not before start',
    );
  }
  return { offset: range[0], limit: Math.min(range[1] - range[0] + 1, spec.maxPageSize ?? 1000) };
};

const parseFilterValue = (field: string, value: unknown): FilterValue => {
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.length <= MAX_FILTER_VALUES && value.every(isScalar)) return value;
  throw invalid(
    `filter.${field}`,
    `应为文本、数字、是/否，或最多 ${MAX_FILTER_VALUES} 项的列表`,
    `must be text, a number, true/false, or a list of at most ${MAX_FILTER_VALUES} of them`,
  );
};

const parseFilter = (query: Record<string, unknown>, spec: ListSpec): { where: string; params: unknown[] } => {
  const filter = parseJson('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw invalid('filter', '应为对象', 'must be an object');
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(filter)) {
    const build = ownEntry(spec.filters, field);
    if (!build) throw invalid(`filter.${field}`, `不支持按此字段筛选：${field}`, `cannot filter by ${field}`);
    if (value === undefined || value === null || value === '') continue;
    const condition = build(parseFilterValue(field, value));
    conditions.push(condition.sql);
    params.push(...condition.params);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
};

/** Reads `sort`, `range` and `filter` of a list's query string; anything it cannot use is a 400 naming it. */
export const parseListQuery = (query: Record<string, unknown>, spec: ListSpec): ListQuery => ({
  orderBy: parseSort(query, spec),
  ...parseRange(query, spec),
  ...parseFilter(query, spec),
});

/** Common filters. */
export const filters = {
  equals: (column: string) => (value: FilterValue) => ({ sql: `${column} = ?`, params: [String(value)] }),
  oneOf: (column: string) => (value: FilterValue) => {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    return { sql: `${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`, params: values };
  },
  /** Free text: any of the columns contains the text. */
  search:
    (...columns: string[]) =>
    (value: FilterValue) => ({
      sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      params: columns.map(() => `%${String(value).replace(/[\\%_]/g, (m) => `\\${m}`)}%`),
    }),
};

/** Sets the Content-Range header react-admin reads the total from. */
export const setContentRange = (response: Response, resource: string, offset: number, count: number, total: number) => {
  const end = count === 0 ? offset : offset + count - 1;
  response.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  response.setHeader('Access-Control-Expose-Headers', 'Content-Range');
};

const MAX_CACHED_COUNTS = 1000;
const countCache = new WeakMap<Database.Database, { stamp: string; totals: Map<string, number> }>();

/**
 * A list's total, counted again only when the read models changed: paging through a list of thousands of
 * units counted every row for each page (the largest part of a list request's CPU). The stamp changes with
 * any row this connection writes (`total_changes()`), any commit by another connection (`data_version`: a
 * CLI rebuild, a second app) and any change of schema (a projection's tables dropped and made again).
 */
const countOf = (db: Database.Database, sql: string, params: unknown[]): number => {
  const [changes, dataVersion, schemaVersion] = statement(
    db,
    'SELECT total_changes(), (SELECT data_version FROM pragma_data_version), (SELECT schema_version FROM pragma_schema_version)',
  )
    .raw()
    .get() as [number, number, number];
  const stamp = `${changes}.${dataVersion}.${schemaVersion}`;
  let cache = countCache.get(db);
  if (!cache || cache.stamp !== stamp || cache.totals.size >= MAX_CACHED_COUNTS)
    countCache.set(db, (cache = { stamp, totals: new Map() }));
  const key = [sql, ...params.map((param) => `${typeof param}:${String(param)}`)].join('\u0000');
  let total = cache.totals.get(key);
  if (total === undefined) {
    total = (statement(db, sql).get(...params) as { n: number }).n;
    cache.totals.set(key, total);
  }
  return total;
};

/**
 * One page of a list and the total it belongs to: `SELECT columns FROM source WHERE … ORDER BY … LIMIT …`,
 * with `tieBreak` appended to the order so that pages never overlap.
 */
export const listPage = <Row, Raw = Row>(
  db: Database.Database,
  {
    columns,
    from,
    tieBreak,
    keysFirst = true,
  }: {
    columns: string;
    from: string;
    tieBreak: string;
    /** Choose the page's keys before computing its columns (below); false for a derived table, read once. */
    keysFirst?: boolean;
  },
  query: ListQuery,
  toRow: (raw: Raw) => Row = (raw) => raw as unknown as Row,
): { rows: Row[]; total: number } => {
  const total = countOf(db, `SELECT count(*) AS n FROM ${from} ${query.where}`, query.params);
  // The page size is written into the SQL (a checked safe integer; lists use a handful of sizes, so the
  // statement cache stays small): SQLite, built with STAT4 as better-sqlite3 is, prepares a statement with a
  // bound LIMIT again on every run. The offset varies page by page and stays bound.
  //
  // The page's keys are chosen first and its columns computed for those rows only: SQLite computes every result
  // column of each row it sorts, the rows skipped by OFFSET included, so a deep page of a list whose columns are
  // correlated subqueries (a unit's member count) cost in proportion to its offset (3.4 ms at offset 475 against
  // 0.4 ms at 0). `tieBreak` is the source's unique key; the outer query sorts the page's rows again.
  //
  // The tie-break runs in the sort's direction, so that one index on (column, key) serves a list both ways. In a
  // mixed order (joined_on DESC, id ASC) SQLite sorts the rows of every tie, and many members share a joining day.
  const order = `ORDER BY ${query.orderBy}, ${tieBreak}${query.orderBy.endsWith(' DESC') ? ' DESC' : ''}`;
  const page = `${order} LIMIT ${query.limit} OFFSET ?`;
  const sql = keysFirst
    ? `SELECT ${columns} FROM ${from} WHERE ${tieBreak} IN (SELECT ${tieBreak} FROM ${from} ${query.where} ${page}) ${order}`
    : `SELECT ${columns} FROM ${from} ${query.where} ${page}`;
  const rows = statement(db, sql).all(...query.params, query.offset) as Raw[];
  return { rows: rows.map(toRow), total };
};
