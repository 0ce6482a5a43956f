import type Database from 'better-sqlite3';
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
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Filter field → SQL condition with one `?` per parameter, and how to turn the value into parameters. */
  filters: Record<string, (value: unknown) => { sql: string; params: unknown[] }>;
  maxPageSize?: number;
}

export interface ListQuery {
  orderBy: string;
  offset: number;
  limit: number;
  where: string;
  params: unknown[];
}

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

export const parseListQuery = (query: Record<string, unknown>, spec: ListSpec): ListQuery => {
  const sort = parseJson('sort', query.sort) ?? spec.defaultSort;
  if (!Array.isArray(sort) || typeof sort[0] !== 'string' || !(sort[0] in spec.sortable)) {
    throw invalid(
      'sort',
      `只能按以下字段排序：${Object.keys(spec.sortable).join('、')}`,
      `can sort by: ${Object.keys(spec.sortable).join(', ')}`,
    );
  }
  const direction = String(sort[1] ?? 'ASC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC')
    throw invalid('sort', '排序方向应为 ASC 或 DESC', 'direction must be ASC or DESC');

  const maxPageSize = spec.maxPageSize ?? 1000;
  const range = parseJson('range', query.range) ?? [0, 24];
  if (!Array.isArray(range) || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
    throw invalid('range', '应为 [起始, 结束]，均为非负整数', 'must be [start, end] with non-negative integers');
  }
  const limit = Math.min(range[1] - range[0] + 1, maxPageSize);

  const filter = parseJson('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw invalid('filter', '应为对象', 'must be an object');
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(filter)) {
    const build = spec.filters[field];
    if (!build) throw invalid(`filter.${field}`, `不支持按此字段筛选：${field}`, `cannot filter by ${field}`);
    if (value === undefined || value === null || value === '') continue;
    const condition = build(value);
    conditions.push(condition.sql);
    params.push(...condition.params);
  }
  return {
    orderBy: `${spec.sortable[sort[0]]} ${direction}`,
    offset: range[0],
    limit,
    where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '',
    params,
  };
};

/** Common filters. */
export const filters = {
  equals: (column: string) => (value: unknown) => ({ sql: `${column} = ?`, params: [String(value)] }),
  oneOf: (column: string) => (value: unknown) => {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    return { sql: `${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`, params: values };
  },
  /** Free text: any of the columns contains the text. */
  search:
    (...columns: string[]) =>
    (value: unknown) => ({
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

/**
 * One page of a list and the total it belongs to: `SELECT columns FROM source WHERE … ORDER BY … LIMIT …`,
 * with `tieBreak` appended to the order so that pages never overlap.
 */
export const listPage = <Row, Raw = Row>(
  db: Database.Database,
  { columns, from, tieBreak }: { columns: string; from: string; tieBreak: string },
  query: ListQuery,
  toRow: (raw: Raw) => Row = (raw) => raw as unknown as Row,
): { rows: Row[]; total: number } => {
  const total = (db.prepare(`SELECT count(*) AS n FROM ${from} ${query.where}`).get(...query.params) as { n: number })
    .n;
  const rows = db
    .prepare(`SELECT ${columns} FROM ${from} ${query.where} ORDER BY ${query.orderBy}, ${tieBreak} LIMIT ? OFFSET ?`)
    .all(...query.params, query.limit, query.offset) as Raw[];
  return { rows: rows.map(toRow), total };
};
