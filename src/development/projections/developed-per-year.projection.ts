import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { AdmissionApproved } from '../development.events.js';
import { caseStates } from './case-state.js';
import { namesJoin } from './development-names.projection.js';

const states = caseStates('developed_per_year_state');

/**
 * New members admitted per organisation and unit per year, counted at the approval and dated by the entry
 * date (入党时间, the branch meeting): the count pairing targets (C4) and the assessment read.
 */
export const developedPerYearProjection: Projection = {
  name: 'developed_per_year',
  // 2: per unit too (the read door's membersDeveloped), and its own names of organisations.
  // 3: the feature's one copy of the names (development_names).
  version: 3,
  handles: ['ApplicationSubmitted', 'AssignedToBranchAndGroup', 'AdmissionApproved'],
  tables: ['developed_per_year', states.table],
  init: (db) => {
    states.init(db);
    db.exec(`CREATE TABLE IF NOT EXISTS developed_per_year (
      org_id TEXT NOT NULL, unit_id TEXT NOT NULL, year INTEGER NOT NULL, members INTEGER NOT NULL,
      PRIMARY KEY (org_id, unit_id, year))`);
  },
  evolve: (db, recorded) => {
    const { before } = states.fold(db, recorded);
    if (recorded.type !== 'AdmissionApproved' || before.status === 'none') return;
    const year = Number((recorded as unknown as AdmissionApproved).data.probationStart.slice(0, 4));
    statement(db, 'INSERT OR IGNORE INTO developed_per_year VALUES (?, ?, ?, 0)').run(
      before.orgId,
      before.unitId,
      year,
    );
    statement(
      db,
      'UPDATE developed_per_year SET members = members + 1 WHERE org_id = ? AND unit_id = ? AND year = ?',
    ).run(before.orgId, before.unitId, year);
  },
};

/**
 * Per organisation and year (GET /api/development/developed-per-year), counting only the admissions in the
 * organisations or units a scoped actor answers for (`reach`; null: all).
 */
export const developedPerYear = (
  db: ReadModelDb,
  year?: number,
  reach: { orgIds: readonly string[]; unitIds: readonly string[] } | null = null,
) =>
  statement(
    db,
    `SELECT d.org_id AS orgId, o.name AS orgName, d.year, sum(d.members) AS members FROM developed_per_year d
    ${namesJoin('o', 'org', 'd.org_id')} WHERE (? IS NULL OR d.year = ?)
      AND (? IS NULL OR d.org_id IN (SELECT value FROM json_each(?)) OR d.unit_id IN (SELECT value FROM json_each(?)))
    GROUP BY d.org_id, d.year ORDER BY d.year DESC, o.name_key`,
  ).all(
    year ?? null,
    year ?? null,
    reach && 1,
    JSON.stringify(reach?.orgIds ?? []),
    JSON.stringify(reach?.unitIds ?? []),
  ) as { orgId: string; orgName: string | null; year: number; members: number }[];

/** Per unit, organisation and year: what other features read through development.facts.ts. */
export const developedPerUnit = (db: ReadModelDb, year?: number) =>
  statement(
    db,
    `SELECT unit_id AS unitId, org_id AS orgId, year, members FROM developed_per_year
    WHERE (? IS NULL OR year = ?) ORDER BY year DESC, unit_id, org_id`,
  ).all(year ?? null, year ?? null) as { unitId: string; orgId: string; year: number; members: number }[];
