import type { Bilingual } from './errors.js';
import { filters, listPage, type ListQuery, type ListSpec } from './http/list-query.js';
import { statement, type ReadModelDb } from './projections/projection.js';

/**
 * Obligations: what someone must do by a day (domain.md §12, the reminder and deadline catalogue). Each
 * feature publishes the ones its facts give rise to (development A1–A23, organisations B15 and B18, …)
 * from its own read models; the kernel merges them into one list (GET /api/obligations) that the
 * reminders feature consumes. A feature never reads another's obligations table: it reads this list.
 */
export interface Obligation {
  /**
   * Stable while the obligation is the same one: `<feature>.<the source's id>`, which names the due date
   * where one obligation recurs (a new due date is a new obligation). No `:`, so it can be part of a
   * BullMQ job id (a reminder keyed by it is never sent twice).
   */
  id: string;
  /** The feature that publishes it (its folder's name). */
  source: string;
  /** Its catalogue code (domain.md §12): 'A1', 'B15', 'B18'… */
  code: string;
  title: Bilingual;
  /** What it is about, named as the activity log names things (`kind` as in audit's references). */
  subject: { kind: string; id: string; name: string | null };
  /** The unit and the Party organisation it belongs to: what scoped roles see it by. */
  unitId: string | null;
  orgId: string | null;
  /** Its deadline (Asia/Shanghai day); null when it has none ("promptly", "before the next step"). */
  dueOn: string | null;
  /** The first day it may be met where a rule forbids earlier (a minimum wait); null when none. */
  notBefore: string | null;
  /** Who is reminded first (domain.md §13 identifiers: 'branch_secretary', 'bureau_party_committee'…). */
  who: string;
  /** The day it arose, when known. */
  openedOn: string | null;
  /** Past its deadline as of today (the injected clock's day). */
  overdue: boolean;
}

/** One entry of a feature's part of the catalogue: a code it publishes, its title and who acts. */
export interface ObligationCode {
  code: string;
  title: Bilingual;
  who: string;
}

/**
 * What a feature publishes: its codes, and its open obligations as ONE SELECT over its own read models
 * yielding the columns {@link OBLIGATION_COLUMNS} (one row per open obligation; ids unique within the
 * feature). The kernel filters, scopes, sorts and pages the union of every feature's SELECT, so each
 * source states only what is open, and all of them filter alike.
 */
export interface ObligationSource {
  codes: readonly ObligationCode[];
  openSql: string;
}

export const OBLIGATION_COLUMNS = [
  'id',
  'code',
  'title_zh',
  'title_en',
  'subject_kind',
  'subject_id',
  'subject_name',
  'unit_id',
  'org_id',
  'due_on',
  'not_before',
  'who',
  'opened_on',
] as const;

/** A source with the feature that publishes it (the kernel names it from the descriptor). */
export interface PublishedObligations extends ObligationSource {
  feature: string;
}

/** Every feature's obligation sources, in the order of the list of features (provided by the kernel). */
export const OBLIGATION_SOURCES = Symbol('OBLIGATION_SOURCES');

/** A constant text as an SQL literal, for titles a source writes into its SELECT. */
export const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The list's sort, filters and paging (react-admin's conventions); `overdue` is judged as of `today`. */
export const obligationList = (today: string): ListSpec => ({
  id: 'o.id',
  // By date: its deadline, or for one with only an earliest day that day; undated ones last.
  sortable: { dueOn: "COALESCE(o.due_on, o.not_before, '9999-12-31')", code: 'o.code', openedOn: 'o.opened_on' },
  defaultSort: ['dueOn', 'ASC'],
  filters: {
    id: filters.oneOf('o.id'),
    source: filters.oneOf('o.source'),
    code: filters.oneOf('o.code'),
    unitId: filters.oneOf('o.unit_id'),
    orgId: filters.oneOf('o.org_id'),
    subjectId: filters.oneOf('o.subject_id'),
    who: filters.oneOf('o.who'),
    dueBefore: (value) => ({ sql: 'o.due_on <= ?', params: [String(value)] }),
    overdue: (value) => ({
      sql: value === true || value === 'true' ? 'o.due_on < ?' : '(o.due_on IS NULL OR o.due_on >= ?)',
      params: [today],
    }),
  },
});

const unionOf = (sources: readonly PublishedObligations[]) => {
  const columns = OBLIGATION_COLUMNS.filter((c) => c !== 'id').join(', ');
  const parts = sources.map(
    ({ feature, openSql }) =>
      `SELECT ${sqlText(feature)} AS source, ${sqlText(`${feature}.`)} || replace(id, ':', '.') AS id, ${columns}
       FROM (${openSql})`,
  );
  const none = `SELECT NULL AS source, ${OBLIGATION_COLUMNS.map((c) => `NULL AS ${c}`).join(', ')} WHERE 0`;
  return parts.length ? parts.join(' UNION ALL ') : none;
};

interface Raw {
  id: string;
  source: string;
  code: string;
  titleZh: string;
  titleEn: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string | null;
  unitId: string | null;
  orgId: string | null;
  dueOn: string | null;
  notBefore: string | null;
  who: string;
  openedOn: string | null;
}

const DETAIL_COLUMNS = `o.code, o.title_zh AS titleZh, o.title_en AS titleEn, o.subject_kind AS subjectKind,
  o.subject_id AS subjectId, o.subject_name AS subjectName, o.unit_id AS unitId, o.org_id AS orgId, o.due_on AS dueOn,
  o.not_before AS notBefore, o.who, o.opened_on AS openedOn`;
const COLUMNS = `o.id, o.source, ${DETAIL_COLUMNS}`;

const toObligation = (r: Raw, today: string): Obligation => ({
  id: r.id,
  source: r.source,
  code: r.code,
  title: { zh: r.titleZh, en: r.titleEn },
  subject: { kind: r.subjectKind, id: r.subjectId, name: r.subjectName },
  unitId: r.unitId,
  orgId: r.orgId,
  dueOn: r.dueOn,
  notBefore: r.notBefore,
  who: r.who,
  openedOn: r.openedOn,
  overdue: r.dueOn !== null && r.dueOn < today,
});

/** One page of every feature's open obligations, as `query` (already scoped) selects them. */
export const listOpenObligations = (
  db: ReadModelDb,
  sources: readonly PublishedObligations[],
  query: ListQuery,
  today: string,
): { rows: Obligation[]; total: number } =>
  listPage<Obligation, Raw>(
    db,
    // The union is a derived table: choosing keys first would compute it twice, and its columns are plain.
    { columns: COLUMNS, from: `(${unionOf(sources)}) o`, tieBreak: 'o.id', keysFirst: false },
    query,
    (r) => toObligation(r, today),
  );

/**
 * The ids a source may have given an obligation whose kernel id is `id`: the kernel writes a source's
 * `:` as `.`, so every `.` after the feature's prefix was either. Asking the source for these ids (an
 * `IN` the source's own index can answer) finds one obligation without reading every source in full.
 * Undefined when the id names no feature or has too many dots to enumerate (the caller then scans).
 */
export const sourceIdsOf = (
  sources: readonly PublishedObligations[],
  id: string,
): { source: PublishedObligations; ids: string[] } | undefined => {
  const source = sources.find(({ feature }) => id.startsWith(`${feature}.`));
  if (!source) return undefined;
  const parts = id.slice(source.feature.length + 1).split('.');
  if (parts.length > 7) return { source, ids: [] };
  let ids = [parts[0]];
  for (const part of parts.slice(1)) ids = ids.flatMap((head) => [`${head}.${part}`, `${head}:${part}`]);
  return { source, ids };
};

/**
 * One open obligation by its kernel id, or undefined when it is met (or never was): the reminders' re-check
 * at fire time. Reads only the feature that published it, by its own ids.
 */
export const openObligationById = (
  db: ReadModelDb,
  sources: readonly PublishedObligations[],
  id: string,
  today: string,
): Obligation | undefined => {
  const found = sourceIdsOf(sources, id);
  if (!found) return undefined;
  const byIds = found.ids.length
    ? { where: `WHERE o.id IN (${found.ids.map(() => '?').join(', ')})`, params: found.ids }
    : { where: "WHERE replace(o.id, ':', '.') = ?", params: [id.slice(found.source.feature.length + 1)] };
  // The source's SELECT is flattened into this one, so the id predicate reaches its own table's key.
  const { feature, openSql } = found.source;
  const row = statement(
    db,
    `SELECT ${sqlText(feature)} AS source, ${sqlText(`${feature}.`)} || replace(o.id, ':', '.') AS id, ${DETAIL_COLUMNS}
     FROM (${openSql}) o ${byIds.where} LIMIT 1`,
  ).get(...byIds.params) as Raw | undefined;
  return row && toObligation(row, today);
};

/** The codes every feature publishes, with their titles and the feature: the list's filter and legend. */
export const obligationCatalogue = (sources: readonly PublishedObligations[]) =>
  sources.flatMap(({ feature, codes }) => codes.map((entry) => ({ ...entry, source: feature })));
