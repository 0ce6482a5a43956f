import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { RuleSetEvent } from '../assessment.events.js';
import type { RuleSetBody } from '../rule-set.js';

/**
 * Each year's rules as the editor and the scores read them: the draft with the stream's revision (what an
 * edit sends back as expectedRevision) and every published version, kept for scoring under it.
 */
export const ruleSetsProjection: Projection = {
  name: 'assessment_rule_sets',
  version: 1,
  handles: ['RuleSetDrafted', 'RuleSetDraftEdited', 'RuleSetPublished'],
  tables: ['assessment_rule_sets', 'assessment_rule_set_versions'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS assessment_rule_sets (
        year INTEGER PRIMARY KEY, revision INTEGER NOT NULL, draft TEXT NOT NULL, title TEXT NOT NULL,
        updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS assessment_rule_set_versions (
        year INTEGER NOT NULL, version INTEGER NOT NULL, effective_on TEXT NOT NULL, body TEXT NOT NULL,
        published_at TEXT NOT NULL, PRIMARY KEY (year, version))`),
  evolve: (db, recorded: RecordedEvent) => {
    const event = recorded as unknown as RuleSetEvent & RecordedEvent;
    const at = recorded.metadata.recordedAt;
    if (event.type === 'RuleSetPublished') {
      const { year, version, effectiveOn, body } = event.data;
      statement(db, 'INSERT OR REPLACE INTO assessment_rule_set_versions VALUES (?, ?, ?, ?, ?)').run(
        year,
        version,
        effectiveOn,
        JSON.stringify(body),
        at,
      );
      statement(db, 'UPDATE assessment_rule_sets SET revision = ?, updated_at = ? WHERE year = ?').run(
        recorded.revision,
        at,
        year,
      );
      return;
    }
    const { year, body } = event.data;
    statement(db, 'INSERT OR REPLACE INTO assessment_rule_sets VALUES (?, ?, ?, ?, ?)').run(
      year,
      recorded.revision,
      JSON.stringify(body),
      body.title.zh,
      at,
    );
  },
};

export interface PublishedRuleSet {
  year: number;
  version: number;
  effectiveOn: string;
  publishedAt: string;
  body: RuleSetBody;
}

interface VersionRow {
  year: number;
  version: number;
  effectiveOn: string;
  publishedAt: string;
  body: string;
}

const VERSION_COLUMNS = 'year, version, effective_on AS effectiveOn, published_at AS publishedAt, body';
const parsed = (row: VersionRow): PublishedRuleSet => ({ ...row, body: JSON.parse(row.body) as RuleSetBody });

/** Every year with rules: its draft's revision and title, the number of versions and the latest in force. */
export const ruleSetYears = (db: ReadModelDb) =>
  statement(
    db,
    `SELECT r.year AS id, r.year, r.title, r.revision, r.updated_at AS updatedAt,
      (SELECT count(*) FROM assessment_rule_set_versions v WHERE v.year = r.year) AS versions,
      (SELECT max(version) FROM assessment_rule_set_versions v WHERE v.year = r.year) AS latestVersion
    FROM assessment_rule_sets r ORDER BY r.year DESC`,
  ).all() as {
    id: number;
    year: number;
    title: string;
    revision: number;
    updatedAt: string;
    versions: number;
    latestVersion: number | null;
  }[];

/** A year's draft (with the revision to edit it at) and its versions (without their bodies). */
export const ruleSetOfYear = (db: ReadModelDb, year: number) => {
  const row = statement(
    db,
    'SELECT revision, draft, updated_at AS updatedAt FROM assessment_rule_sets WHERE year = ?',
  ).get(year) as { revision: number; draft: string; updatedAt: string } | undefined;
  if (!row) return null;
  const versions = statement(
    db,
    `SELECT year, version, effective_on AS effectiveOn, published_at AS publishedAt FROM assessment_rule_set_versions
    WHERE year = ? ORDER BY version`,
  ).all(year) as Omit<PublishedRuleSet, 'body'>[];
  return {
    id: year,
    year,
    revision: row.revision,
    updatedAt: row.updatedAt,
    draft: JSON.parse(row.draft) as RuleSetBody,
    versions,
  };
};

/**
 * The version asked for, or the one in force on `on`: the latest published whose effective date has come
 * (the first version when none has yet, so a year's scores show as soon as it has rules).
 */
export const publishedRuleSet = (
  db: ReadModelDb,
  year: number,
  { version, on }: { version?: number; on: string },
): PublishedRuleSet | null => {
  const row =
    version !== undefined
      ? statement(db, `SELECT ${VERSION_COLUMNS} FROM assessment_rule_set_versions WHERE year = ? AND version = ?`).get(
          year,
          version,
        )
      : (statement(
          db,
          `SELECT ${VERSION_COLUMNS} FROM assessment_rule_set_versions WHERE year = ? AND effective_on <= ?
          ORDER BY version DESC LIMIT 1`,
        ).get(year, on) ??
        statement(
          db,
          `SELECT ${VERSION_COLUMNS} FROM assessment_rule_set_versions WHERE year = ? ORDER BY version LIMIT 1`,
        ).get(year));
  return row ? parsed(row as VersionRow) : null;
};
