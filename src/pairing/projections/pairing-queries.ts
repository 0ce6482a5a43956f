import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import type { Actor } from '../../core/http/request-context.js';
import { scopeOf } from '../../core/http/scope.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { pairingProgress, type PairingProgress } from '../progress.js';

export interface PairingRow {
  id: string;
  name: string;
  helperUnitId: string;
  helperUnitName: string | null;
  helperOrgId: string | null;
  helpedUnits: { id: string; name: string | null }[];
  startOn: string;
  endsOn: string;
  endedOn: string | null;
  status: 'active' | 'ended';
  revision: number;
  progress: PairingProgress;
}

interface Raw {
  id: string;
  name: string;
  helperUnitId: string;
  helperUnitName: string | null;
  helperOrgId: string | null;
  helpedUnitIds: string;
  startOn: string;
  endsOn: string;
  endedOn: string | null;
  status: 'active' | 'ended';
  revision: number;
}

const COLUMNS = `p.id, p.name, p.helper_unit_id AS helperUnitId, hu.name AS helperUnitName, p.helper_org_id AS helperOrgId,
  p.helped_unit_ids AS helpedUnitIds, p.start_on AS startOn, p.ends_on AS endsOn, p.ended_on AS endedOn, p.status,
  p.revision`;
const FROM = 'pairing_pairings p LEFT JOIN pairing_units hu ON hu.id = p.helper_unit_id';

/** Does the pairing involve any of the units (as helper or helped school)? One JSON parameter. */
const INVOLVES = `(p.helper_unit_id IN (SELECT value FROM json_each(?))
  OR EXISTS (SELECT 1 FROM json_each(p.helped_unit_ids) h WHERE h.value IN (SELECT value FROM json_each(?))))`;

export const pairingList: ListSpec = {
  id: 'p.id',
  sortable: { name: 'p.name_key', startOn: 'p.start_on', endsOn: 'p.ends_on', status: 'p.status' },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: filters.oneOf('p.id'),
    q: filters.search('p.name'),
    status: filters.oneOf('p.status'),
    unitId: (value) => {
      const units = JSON.stringify((Array.isArray(value) ? value : [value]).map(String));
      return { sql: INVOLVES, params: [units, units] };
    },
  },
};

/** A scoped actor sees the pairings their units take part in, as helper or helped school. */
export const withinPairingScope = (query: ListQuery, actor: Actor | undefined): ListQuery => {
  if (!actor || actor.unrestricted) return query;
  const units = JSON.stringify(scopeOf(actor).visibleUnitIds);
  const where = query.where ? `${query.where} AND ${INVOLVES}` : `WHERE ${INVOLVES}`;
  return { ...query, where, params: [...query.params, units, units] };
};

export const pairingVisibleTo = (row: Pick<PairingRow, 'helperUnitId' | 'helpedUnits'>, actor: Actor | undefined) => {
  if (!actor || actor.unrestricted) return true;
  const visible = scopeOf(actor).visibleUnitIds;
  return [row.helperUnitId, ...row.helpedUnits.map((u) => u.id)].some((id) => visible.includes(id));
};

const unitName = (db: ReadModelDb, id: string) =>
  (statement(db, 'SELECT name FROM pairing_units WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;

const dates = (rows: unknown[]) => (rows as { on: string }[]).map((r) => r.on);

/** The facts the targets count, each with its date and the event behind it. */
export const targetFacts = (
  db: ReadModelDb,
  p: Pick<Raw, 'id' | 'startOn' | 'endsOn' | 'endedOn'> & { helpedUnitIds: string[] },
) => ({
  teachers: statement(
    db,
    'SELECT name, on_date AS "on", event_id AS eventId FROM pairing_teachers WHERE pairing_id = ? ORDER BY on_date, name_key',
  ).all(p.id) as { name: string; on: string; eventId: string }[],
  members: statement(
    db,
    `SELECT person_id AS personId, unit_id AS unitId, on_date AS "on", event_id AS eventId FROM pairing_admissions
     WHERE unit_id IN (SELECT value FROM json_each(?)) AND on_date BETWEEN ? AND ? ORDER BY on_date`,
  ).all(JSON.stringify(p.helpedUnitIds), p.startOn, p.endedOn ?? p.endsOn) as {
    personId: string;
    unitId: string;
    on: string;
    eventId: string;
  }[],
  normsMet: statement(
    db,
    `SELECT s.norm_key AS normKey, s.on_date AS "on", s.event_id AS eventId FROM pairing_norm_status s
     JOIN pairing_norm_list l ON l.key = s.norm_key WHERE s.pairing_id = ? AND s.met = 1 ORDER BY s.on_date`,
  ).all(p.id) as { normKey: string; on: string; eventId: string }[],
  normCount: (statement(db, 'SELECT count(*) AS n FROM pairing_norm_list').get() as { n: number }).n,
});

const toRow =
  (db: ReadModelDb, today: string) =>
  (raw: Raw): PairingRow => {
    const helpedUnitIds = JSON.parse(raw.helpedUnitIds) as string[];
    const facts = targetFacts(db, { ...raw, helpedUnitIds });
    return {
      ...raw,
      helpedUnits: helpedUnitIds.map((id) => ({ id, name: unitName(db, id) })),
      progress: pairingProgress(
        raw,
        {
          teachers: dates(facts.teachers),
          members: dates(facts.members),
          normsMet: dates(facts.normsMet),
          normCount: facts.normCount,
        },
        today,
      ),
    };
  };

export const listPairings = (db: ReadModelDb, query: ListQuery, today: string) =>
  listPage<PairingRow, Raw>(db, { columns: COLUMNS, from: FROM, tieBreak: 'p.id' }, query, toRow(db, today));

export const getPairing = (db: ReadModelDb, id: string, today: string): PairingRow | null => {
  const raw = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = ?`).get(id) as Raw | undefined;
  return raw ? toRow(db, today)(raw) : null;
};

/** A pairing's page: its row and progress, the facts behind each target, the checklist, the pairs, the summaries. */
export const pairingDetail = (db: ReadModelDb, id: string, today: string) => {
  const row = getPairing(db, id, today);
  if (!row) return null;
  const facts = targetFacts(db, { ...row, helpedUnitIds: row.helpedUnits.map((u) => u.id) });
  const norms = statement(
    db,
    `SELECT l.key, l.zh, l.en, s.met, s.on_date AS "on", s.note, s.event_id AS eventId FROM pairing_norm_list l
     LEFT JOIN pairing_norm_status s ON s.norm_key = l.key AND s.pairing_id = ? ORDER BY l.position`,
  ).all(id) as { key: string; zh: string; en: string; met: number | null; on: string | null; note: string | null }[];
  const pairs = statement(
    db,
    `SELECT pair_id AS id, member_id AS memberId, teacher_name AS teacherName, student, situation,
       helped_unit_id AS helpedUnitId, on_date AS "on", support_count AS supportCount, event_id AS eventId
     FROM pairing_pairs WHERE pairing_id = ? ORDER BY on_date, pair_id`,
  ).all(id);
  const summaries = statement(
    db,
    `SELECT d.year, d.due_on AS dueOn, s.evidence_id AS evidenceId, s.filed_on AS filedOn, s.event_id AS eventId
     FROM pairing_summary_due d LEFT JOIN pairing_summaries s
       ON s.pairing_id = d.pairing_id AND s.year = d.year AND s.withdrawn = 0
     WHERE d.pairing_id = ? ORDER BY d.year`,
  ).all(id);
  return {
    ...row,
    teachersTrained: facts.teachers,
    membersDeveloped: facts.members,
    norms: norms.map((n) => ({ ...n, met: n.met === null ? null : n.met === 1 })),
    pairs,
    summaries,
  };
};

export interface ActivityRow {
  eventId: string;
  pairingId: string;
  type: string;
  line: string;
  kind: string;
  on: string;
  title: string | null;
  detail: unknown;
}

const ACTIVITY_COLUMNS = `a.event_id AS eventId, a.pairing_id AS pairingId, a.type, a.line, a.kind, a.on_date AS "on",
  a.title, a.detail`;

/** The pairing's activity log, latest first (at most `limit` entries). */
export const pairingActivities = (db: ReadModelDb, pairingId: string, limit = 500): ActivityRow[] =>
  (
    statement(
      db,
      `SELECT ${ACTIVITY_COLUMNS} FROM pairing_activities a WHERE a.pairing_id = ?
       ORDER BY a.on_date DESC, a.position DESC LIMIT ${limit}`,
    ).all(pairingId) as (ActivityRow & { detail: string })[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));

/** Activity-log entries of the pairings the units take part in (every pairing when null), dated within the period. */
export const activitiesIn = (db: ReadModelDb, unitIds: readonly string[] | null, from: string, to: string) =>
  (
    statement(
      db,
      `SELECT ${ACTIVITY_COLUMNS} FROM pairing_activities a JOIN pairing_pairings p ON p.id = a.pairing_id
       WHERE a.on_date BETWEEN ? AND ? AND (? IS NULL OR ${INVOLVES}) ORDER BY a.on_date, a.position`,
    ).all(from, to, unitIds && 1, JSON.stringify(unitIds ?? []), JSON.stringify(unitIds ?? [])) as (ActivityRow & {
      detail: string;
    })[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));

/** The raw rows of the pairings a unit takes part in. */
export const pairingIdsOf = (db: ReadModelDb, unitIds: readonly string[]) =>
  (
    statement(db, `SELECT p.id FROM pairing_pairings p WHERE ${INVOLVES} ORDER BY p.start_on`).all(
      JSON.stringify(unitIds),
      JSON.stringify(unitIds),
    ) as { id: string }[]
  ).map((r) => r.id);

/** The norm items in their order. */
export const normList = (db: ReadModelDb) =>
  statement(db, 'SELECT key, zh, en FROM pairing_norm_list ORDER BY position').all() as {
    key: string;
    zh: string;
    en: string;
  }[];

/** What a handler needs to know of a unit: its name and type (this read model's copy). */
export const unitFacts = (db: ReadModelDb, id: string) =>
  (statement(db, 'SELECT name, type FROM pairing_units WHERE id = ?').get(id) as
    { name: string; type: string } | undefined) ?? null;

/** The school a member is enrolled at now, and their name (this read model's copy). */
export const memberFacts = (db: ReadModelDb, id: string) =>
  (statement(db, 'SELECT unit_id AS unitId, name FROM pairing_members WHERE id = ?').get(id) as
    { unitId: string; name: string } | undefined) ?? null;
