import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import type {
  PartyOrganizationFounded,
  UnitAffiliated,
  UnitAffiliationEnded,
} from '../../organizations/organizations.events.js';
import { EVIDENCE_CATEGORY_STAGE_SUMMARY, type EvidenceFiled, type EvidenceWithdrawn } from '../evidence.events.js';
import { halfCovered } from '../evidence-categories.js';

export const EVIDENCE_FILES = 'evidence_files';
export const EVIDENCE_ORGS = 'evidence_orgs';
export const EVIDENCE_ORG_UNITS = 'evidence_org_units';
export const EVIDENCE_CALENDAR = 'evidence_calendar';

/**
 * The archive's read model: every filed file (withdrawn ones kept, marked), and the feature's own copy of
 * what it needs of the roster, from the organisations' events (never their tables): each Party
 * organisation's name, kind and founding day, and the units it covers (its own and those affiliated to it),
 * which scope the archive and open C3 for affiliated organisations. It also keeps the latest day the store
 * has recorded anything (`evidence_calendar`): the half-years C3 opens run up to that day's, so the
 * obligations list needs no clock of its own and a rebuild gives the same rows.
 */
export const evidenceFilesProjection: Projection = {
  name: EVIDENCE_FILES,
  version: 1,
  handles: ['*'],
  tables: [EVIDENCE_FILES, EVIDENCE_ORGS, EVIDENCE_ORG_UNITS, EVIDENCE_CALENDAR],
  init: (db) =>
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${EVIDENCE_FILES} (
        id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL, name TEXT NOT NULL, mime TEXT NOT NULL,
        subject_feature TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL,
        org_id TEXT, year INTEGER NOT NULL, category TEXT NOT NULL, title TEXT,
        on_date TEXT NOT NULL, half TEXT NOT NULL, unit_ids TEXT NOT NULL,
        filed_by TEXT NOT NULL, filed_at TEXT NOT NULL, event_id TEXT NOT NULL,
        status TEXT NOT NULL, withdrawn_reason TEXT, withdrawn_by TEXT, withdrawn_at TEXT, withdrawn_event_id TEXT);
      CREATE TABLE IF NOT EXISTS ${EVIDENCE_ORGS} (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL, kind TEXT NOT NULL, founded_on TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${EVIDENCE_ORG_UNITS} (
        org_id TEXT NOT NULL, unit_id TEXT NOT NULL, PRIMARY KEY (org_id, unit_id));
      CREATE TABLE IF NOT EXISTS ${EVIDENCE_CALENDAR} (id INTEGER PRIMARY KEY CHECK (id = 1), latest_day TEXT NOT NULL);`),
  indexes: [
    `CREATE INDEX IF NOT EXISTS evidence_files_archive ON ${EVIDENCE_FILES} (org_id, year, category)`,
    `CREATE INDEX IF NOT EXISTS evidence_files_subject ON ${EVIDENCE_FILES} (subject_feature, subject_kind, subject_id)`,
  ],
  evolve: (db, recorded) => {
    noteDay(db, recorded);
    switch (recorded.type) {
      case 'EvidenceFiled':
        return fileRow(db, recorded as RecordedEvent<'EvidenceFiled', EvidenceFiled['data']>);
      case 'EvidenceWithdrawn': {
        const { data, metadata, id } = recorded as RecordedEvent<'EvidenceWithdrawn', EvidenceWithdrawn['data']>;
        statement(
          db,
          `UPDATE ${EVIDENCE_FILES} SET status = 'withdrawn', withdrawn_reason = ?, withdrawn_by = ?, withdrawn_at = ?,
             withdrawn_event_id = ? WHERE id = ?`,
        ).run(data.reason, metadata.actorId, metadata.recordedAt, id, data.evidenceId);
        return;
      }
      case 'PartyOrganizationFounded': {
        const { orgId, name, kind, unitIds, foundedOn } = (recorded as unknown as PartyOrganizationFounded).data;
        statement(db, `INSERT OR REPLACE INTO ${EVIDENCE_ORGS} VALUES (?, ?, ?, ?, ?)`).run(
          orgId,
          name,
          sortKey(name),
          kind,
          foundedOn,
        );
        for (const unitId of unitIds)
          statement(db, `INSERT OR IGNORE INTO ${EVIDENCE_ORG_UNITS} VALUES (?, ?)`).run(orgId, unitId);
        return;
      }
      case 'UnitAffiliated': {
        const { unitId, hostOrgId } = (recorded as unknown as UnitAffiliated).data;
        statement(db, `INSERT OR IGNORE INTO ${EVIDENCE_ORG_UNITS} VALUES (?, ?)`).run(hostOrgId, unitId);
        return;
      }
      case 'UnitAffiliationEnded': {
        const { unitId, hostOrgId } = (recorded as unknown as UnitAffiliationEnded).data;
        statement(db, `DELETE FROM ${EVIDENCE_ORG_UNITS} WHERE org_id = ? AND unit_id = ?`).run(hostOrgId, unitId);
        return;
      }
    }
  },
};

const noteDay = (db: ReadModelDb, recorded: RecordedEvent) => {
  const day = shanghaiDate(recorded.metadata.recordedAt);
  statement(
    db,
    `INSERT INTO ${EVIDENCE_CALENDAR} VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET latest_day = max(latest_day, excluded.latest_day)`,
  ).run(day);
};

const fileRow = (db: ReadModelDb, { id, data, metadata }: RecordedEvent<'EvidenceFiled', EvidenceFiled['data']>) => {
  const on = shanghaiDate(metadata.occurredAt);
  statement(
    db,
    `INSERT OR REPLACE INTO ${EVIDENCE_FILES} VALUES
      (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'filed', NULL, NULL, NULL, NULL)`,
  ).run(
    data.evidenceId,
    data.sha256,
    data.size,
    data.name,
    data.mime,
    data.subject.feature,
    data.subject.kind,
    data.subject.id,
    data.orgId,
    data.year,
    data.category,
    data.title,
    on,
    data.category === EVIDENCE_CATEGORY_STAGE_SUMMARY ? halfCovered(data.year, on) : '',
    JSON.stringify(metadata.unitIds),
    metadata.actorId,
    metadata.recordedAt,
    id,
  );
};
