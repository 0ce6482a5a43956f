import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { addDays, endOfMonth, shanghaiDate } from '../../core/time/local-date.js';
import type { UnitRegistered } from '../../organizations/organizations.events.js';
import { ASSESSMENT_EVENT_TYPES, type RuleSetPublished } from '../assessment.events.js';
import type { RuleSetBody } from '../rule-set.js';
import { businessDay, score, type UnitScore } from '../scorer.js';

/**
 * Stored scores: one row per (year, published version, unit) with its total, grade and the whole
 * explanation, fed from the store. The projection keeps its own copy of what scoring needs (each unit's
 * facts by business year, the units' types, the published versions) so that re-scoring a unit never
 * reads the event store: an event re-scores only its units (`metadata.unitIds`), a publication scores
 * every unit under the new version from the facts already kept, and earlier versions' rows stay.
 *
 * Scores are as of the log's own day (the Asia/Shanghai day of the latest `recordedAt` seen, capped at
 * the year's end), never the wall clock, so a rebuild from the first event gives the same rows. When
 * that day passes a month's end or a deadline's due day, the year's units are marked for re-scoring
 * (target periods end and deadlines fall due without any event).
 *
 * Re-scoring is deferred: evolve marks (year, unit) pairs, and `afterBatch` re-scores them once per
 * batch when the batch is a live trickle. A rebuild or a catch-up (big batches) leaves them marked, and
 * the first read settles them all at once ({@link settleScores}): scoring every unit again after each of
 * a rebuild's hundred batches would cost a hundred times the work.
 */
export const SCORES_PROJECTION = 'assessment_scores';

/** A batch at most this big is live traffic: its units are re-scored at once. */
const LIVE_BATCH = 100;
/** Pairs re-scored per live batch besides (a backlog drains over the next batches or at the next read). */
const DRAIN_PER_BATCH = 64;

/** The feature's own events are never facts to score (a bulletin names every ranked unit). */
const OWN_TYPES = new Set<string>(ASSESSMENT_EVENT_TYPES);

export const scoresProjection: Projection = {
  name: SCORES_PROJECTION,
  version: 1,
  // Any event type may be named by a rule set published later, so every event with units is kept.
  handles: ['*'],
  tables: [
    'assessment_scores',
    'assessment_score_facts',
    'assessment_score_units',
    'assessment_score_versions',
    'assessment_score_types',
    'assessment_score_dirty',
    'assessment_score_clock',
  ],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS assessment_scores (
        year INTEGER NOT NULL, version INTEGER NOT NULL, unit_id TEXT NOT NULL, total_tenths INTEGER NOT NULL,
        grade_id TEXT NOT NULL, as_of TEXT NOT NULL, score TEXT NOT NULL, PRIMARY KEY (year, version, unit_id));
      CREATE TABLE IF NOT EXISTS assessment_score_facts (
        unit_id TEXT NOT NULL, year INTEGER NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
        occurred_on TEXT NOT NULL, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, data TEXT NOT NULL,
        PRIMARY KEY (unit_id, year, position)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS assessment_score_units (id TEXT PRIMARY KEY, type TEXT);
      CREATE TABLE IF NOT EXISTS assessment_score_versions (
        year INTEGER NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (year, version));
      CREATE TABLE IF NOT EXISTS assessment_score_types (
        year INTEGER NOT NULL, type TEXT NOT NULL, PRIMARY KEY (year, type)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS assessment_score_dirty (year INTEGER NOT NULL, unit_id TEXT NOT NULL,
        PRIMARY KEY (year, unit_id));
      CREATE TABLE IF NOT EXISTS assessment_score_clock (id INTEGER PRIMARY KEY CHECK (id = 1), day TEXT NOT NULL)`),
  evolve: (db, event) => {
    advanceClock(db, shanghaiDate(event.metadata.recordedAt));
    if (event.type === 'RuleSetPublished') return published(db, event as unknown as RuleSetPublished & RecordedEvent);
    if (event.type === 'UnitRegistered') registered(db, event as unknown as UnitRegistered & RecordedEvent);
    if (OWN_TYPES.has(event.type) || !event.metadata.unitIds?.length) return;
    const day = businessDay(event.metadata.occurredAt);
    const year = Number(day.slice(0, 4));
    const data = JSON.stringify(event.data ?? {});
    const named = statement(db, 'SELECT 1 FROM assessment_score_types WHERE year = ? AND type = ?').get(
      year,
      event.type,
    );
    for (const unitId of new Set(event.metadata.unitIds)) {
      statement(db, 'INSERT OR REPLACE INTO assessment_score_facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        unitId,
        year,
        event.position,
        event.id,
        event.type,
        day,
        event.metadata.occurredAt,
        event.metadata.recordedAt,
        data,
      );
      if (named) markDirty(db, year, unitId);
    }
  },
  afterBatch: (db, batch) => {
    if (batch.length > LIVE_BATCH) return;
    // The limit is written into the SQL: SQLite prepares a statement with a bound LIMIT again on every run.
    const pending = statement(
      db,
      `SELECT year, unit_id AS unitId FROM assessment_score_dirty ORDER BY rowid LIMIT ${DRAIN_PER_BATCH}`,
    ).all() as { year: number; unitId: string }[];
    for (const { year, unitId } of pending) rescore(db, year, unitId);
  },
};

const markDirty = (db: ReadModelDb, year: number, unitId: string) =>
  statement(db, 'INSERT OR IGNORE INTO assessment_score_dirty VALUES (?, ?)').run(year, unitId);

const markYearDirty = (db: ReadModelDb, year: number) =>
  statement(db, 'INSERT OR IGNORE INTO assessment_score_dirty SELECT ?, id FROM assessment_score_units').run(year);

const yearsWithVersions = (db: ReadModelDb) =>
  (statement(db, 'SELECT DISTINCT year FROM assessment_score_versions').all() as { year: number }[]).map(
    ({ year }) => year,
  );

const versionsOf = (db: ReadModelDb, year: number) =>
  (
    statement(db, 'SELECT version, body FROM assessment_score_versions WHERE year = ? ORDER BY version').all(year) as {
      version: number;
      body: string;
    }[]
  ).map(({ version, body }) => ({ version, body: JSON.parse(body) as RuleSetBody }));

/** The log's day: the latest record day seen (record time only grows along the log, give or take a clock). */
export const logDay = (db: ReadModelDb): string | null =>
  (statement(db, 'SELECT day FROM assessment_score_clock WHERE id = 1').get() as { day: string } | undefined)?.day ??
  null;

/** The last business day a year's stored scores count: the log's day, never past the year's end. */
export const scoringDay = (db: ReadModelDb, year: number): string => {
  const day = logDay(db) ?? `${year}-01-01`;
  return day < `${year}-12-31` ? day : `${year}-12-31`;
};

/**
 * The days on which a year's scores change with no event: a month's last day (a target period ends on
 * it) and the day after a deadline's due day; the scorer judges both against its `asOf`.
 */
const turningDays = (year: number, bodies: readonly RuleSetBody[]): string[] => {
  const days = Array.from({ length: 12 }, (_, m) => endOfMonth(`${year}-${String(m + 1).padStart(2, '0')}-01`));
  for (const body of bodies)
    for (const section of body.sections)
      for (const indicator of section.indicators)
        if (indicator.kind === 'deadline') days.push(addDays(`${year}-${indicator.due}`, 1));
  return days;
};

const advanceClock = (db: ReadModelDb, day: string) => {
  const before = logDay(db);
  if (before !== null && day <= before) return;
  statement(db, 'INSERT OR REPLACE INTO assessment_score_clock VALUES (1, ?)').run(day);
  if (before === null) return;
  for (const year of yearsWithVersions(db)) {
    const bodies = versionsOf(db, year).map(({ body }) => body);
    if (turningDays(year, bodies).some((turn) => before < turn && turn <= day)) markYearDirty(db, year);
  }
};

const published = (db: ReadModelDb, event: RuleSetPublished & RecordedEvent) => {
  const { year, version, body } = event.data;
  statement(db, 'INSERT OR REPLACE INTO assessment_score_versions VALUES (?, ?, ?)').run(
    year,
    version,
    JSON.stringify(body),
  );
  for (const section of body.sections)
    for (const indicator of section.indicators)
      if (indicator.kind !== 'manual')
        for (const type of indicator.eventTypes)
          statement(db, 'INSERT OR IGNORE INTO assessment_score_types VALUES (?, ?)').run(year, type);
  markYearDirty(db, year);
};

const registered = (db: ReadModelDb, event: UnitRegistered & RecordedEvent) => {
  statement(db, 'INSERT OR REPLACE INTO assessment_score_units VALUES (?, ?)').run(event.data.unitId, event.data.type);
  for (const year of yearsWithVersions(db)) markDirty(db, year, event.data.unitId);
};

interface FactRow {
  position: number;
  id: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  data: string;
}

/** A unit's facts of a year, as the scorer reads events (in business order; positions keep that order). */
export const unitFacts = (db: ReadModelDb, year: number, unitId: string): RecordedEvent[] =>
  (
    statement(
      db,
      `SELECT position, id, type, occurred_at AS occurredAt, recorded_at AS recordedAt, data FROM assessment_score_facts
      WHERE unit_id = ? AND year = ? ORDER BY position`,
    ).all(unitId, year) as FactRow[]
  ).map((row) => new Fact(row, unitId));

/**
 * A kept fact read back as the scorer reads events. Its data is parsed only when a rule looks at it:
 * most facts are matched on their type alone, and parsing every fact's data was most of a re-score.
 */
class Fact implements RecordedEvent {
  readonly id: string;
  readonly stream = '';
  readonly revision = 0;
  readonly position: bigint;
  readonly type: string;
  readonly metadata: RecordedEvent['metadata'];
  readonly prevHash = null;
  readonly hash = '';
  private parsed: unknown;
  private readonly text: string;

  constructor(row: FactRow, unitId: string) {
    this.id = row.id;
    this.position = BigInt(row.position);
    this.type = row.type;
    this.text = row.data;
    this.metadata = {
      actorId: '',
      actorRole: '',
      commandId: '',
      correlationId: '',
      causationId: '',
      occurredAt: row.occurredAt,
      recordedAt: row.recordedAt,
      unitIds: [unitId],
      schemaVersion: 1,
    };
  }

  get data(): unknown {
    if (this.parsed === undefined) this.parsed = JSON.parse(this.text) as unknown;
    return this.parsed;
  }
}

/** Every unit's facts of a year at once (the what-if over all units): one scan, grouped by unit. */
export const allFacts = (db: ReadModelDb, year: number): Map<string, RecordedEvent[]> => {
  const byUnit = new Map<string, RecordedEvent[]>();
  const rows = statement(
    db,
    `SELECT unit_id AS unitId, position, id, type, occurred_at AS occurredAt, recorded_at AS recordedAt, data
    FROM assessment_score_facts WHERE year = ?`,
  ).all(year) as (FactRow & { unitId: string })[];
  for (const row of rows) {
    let events = byUnit.get(row.unitId);
    if (!events) byUnit.set(row.unitId, (events = []));
    events.push(new Fact(row, row.unitId));
  }
  return byUnit;
};

const unitType = (db: ReadModelDb, unitId: string) =>
  (statement(db, 'SELECT type FROM assessment_score_units WHERE id = ?').get(unitId) as { type: string } | undefined)
    ?.type ?? null;

/** Scores one unit for a year under every published version of it and stores the rows. */
const rescore = (db: ReadModelDb, year: number, unitId: string) => {
  const asOf = scoringDay(db, year);
  const events = unitFacts(db, year, unitId);
  const unit = { id: unitId, type: unitType(db, unitId) };
  for (const { version, body } of versionsOf(db, year)) {
    const result = score(body, unit, events, year, asOf);
    statement(db, 'INSERT OR REPLACE INTO assessment_scores VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      year,
      version,
      unitId,
      Math.round(result.total * 10),
      result.grade.id,
      asOf,
      JSON.stringify(result),
    );
  }
  statement(db, 'DELETE FROM assessment_score_dirty WHERE year = ? AND unit_id = ?').run(year, unitId);
};

/**
 * Re-scores every pair still marked for a year (after a rebuild, a catch-up or a month's end): the
 * same function evolve would have run, so the rows are those a re-scoring per event would give. Run by
 * readers before they read; one transaction, synchronous, so no event is applied meanwhile.
 */
export const settleScores = (db: ReadModelDb, year: number): number => {
  const pending = statement(db, 'SELECT unit_id AS unitId FROM assessment_score_dirty WHERE year = ?').all(year) as {
    unitId: string;
  }[];
  if (pending.length === 0) return 0;
  db.transaction(() => {
    for (const { unitId } of pending) rescore(db, year, unitId);
  })();
  return pending.length;
};

export interface StoredScoreRow {
  unitId: string;
  total: number;
  gradeId: string;
  asOf: string;
  vetoedBy: UnitScore['vetoedBy'];
}

/** Every stored score of a year's version (settled first), best first. */
export const storedScores = (db: ReadModelDb, year: number, version: number): StoredScoreRow[] => {
  settleScores(db, year);
  return (
    statement(
      db,
      `SELECT unit_id AS unitId, total_tenths AS totalTenths, grade_id AS gradeId, as_of AS asOf,
        json_extract(score, '$.vetoedBy') AS vetoedBy
      FROM assessment_scores WHERE year = ? AND version = ? ORDER BY total_tenths DESC`,
    ).all(year, version) as { unitId: string; totalTenths: number; gradeId: string; asOf: string; vetoedBy: string }[]
  ).map(({ totalTenths, vetoedBy, ...row }) => ({
    ...row,
    total: totalTenths / 10,
    vetoedBy: vetoedBy ? (JSON.parse(vetoedBy) as UnitScore['vetoedBy']) : null,
  }));
};

/** A unit's stored score (its whole explanation) under a version, settled first; null when none. */
export const storedScore = (db: ReadModelDb, year: number, version: number, unitId: string): UnitScore | null => {
  settleScores(db, year);
  const row = statement(db, 'SELECT score FROM assessment_scores WHERE year = ? AND version = ? AND unit_id = ?').get(
    year,
    version,
    unitId,
  ) as { score: string } | undefined;
  return row ? (JSON.parse(row.score) as UnitScore) : null;
};

/**
 * Every unit scored as of `asOf` (a quarter's last day, for a bulletin or a unit's quarters) under a
 * version's rules, from the facts kept: what the stored scores would have been on that day.
 */
export const scoresAsOf = (
  db: ReadModelDb,
  year: number,
  body: RuleSetBody,
  asOf: string,
  unitIds?: readonly string[],
): UnitScore[] => {
  const facts = unitIds ? new Map(unitIds.map((unitId) => [unitId, unitFacts(db, year, unitId)])) : allFacts(db, year);
  const units = statement(db, 'SELECT id, type FROM assessment_score_units').all() as {
    id: string;
    type: string | null;
  }[];
  return units
    .filter((unit) => !unitIds || unitIds.includes(unit.id))
    .map((unit) => score(body, unit, facts.get(unit.id) ?? [], year, asOf));
};

/**
 * Places by total, best first; equal totals share a place (1, 1, 3). `nameOf` orders equals as the
 * bulletin prints them (by name in Chinese collation).
 */
export const ranked = <Row extends { unitId: string; total: number }>(
  rows: readonly Row[],
  nameOf: (unitId: string) => string,
): (Row & { rank: number })[] => {
  const sorted = [...rows].sort(
    (a, b) => b.total - a.total || nameOf(a.unitId).localeCompare(nameOf(b.unitId), 'zh-Hans-CN'),
  );
  const rankOf = new Map<number, number>();
  sorted.forEach((row, index) => {
    if (!rankOf.has(row.total)) rankOf.set(row.total, index + 1);
  });
  return sorted.map((row) => ({ ...row, rank: rankOf.get(row.total)! }));
};
