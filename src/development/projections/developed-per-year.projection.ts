import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { AdmissionApproved } from '../development.events.js';
import { caseStates } from './case-state.js';

const states = caseStates('developed_per_year_state');

/**
 * New members admitted per organisation per year, counted at the approval and dated by the entry date
 * (入党时间, the branch meeting): the count pairing targets (C4) and the assessment read.
 */
export const developedPerYearProjection: Projection = {
  name: 'developed_per_year',
  version: 1,
  handles: ['ApplicationSubmitted', 'AssignedToBranchAndGroup', 'AdmissionApproved'],
  tables: ['developed_per_year', states.table],
  init: (db) => {
    states.init(db);
    db.exec(`CREATE TABLE IF NOT EXISTS developed_per_year (
      org_id TEXT NOT NULL, year INTEGER NOT NULL, members INTEGER NOT NULL, PRIMARY KEY (org_id, year))`);
  },
  evolve: (db, recorded) => {
    const { before } = states.fold(db, recorded);
    if (recorded.type !== 'AdmissionApproved' || before.status === 'none') return;
    const year = Number((recorded as unknown as AdmissionApproved).data.probationStart.slice(0, 4));
    statement(db, 'INSERT OR IGNORE INTO developed_per_year VALUES (?, ?, 0)').run(before.orgId, year);
    statement(db, 'UPDATE developed_per_year SET members = members + 1 WHERE org_id = ? AND year = ?').run(
      before.orgId,
      year,
    );
  },
};

export const developedPerYear = (db: ReadModelDb, year?: number) =>
  statement(
    db,
    `SELECT d.org_id AS orgId, o.name AS orgName, d.year, d.members FROM developed_per_year d
    LEFT JOIN party_orgs o ON o.id = d.org_id WHERE (? IS NULL OR d.year = ?) ORDER BY d.year DESC, o.name_key`,
  ).all(year ?? null, year ?? null) as { orgId: string; orgName: string | null; year: number; members: number }[];
