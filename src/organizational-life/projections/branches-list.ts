import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { monthGrid } from './month-grid.js';

export interface BranchRow {
  id: string;
  name: string;
  kind: string;
  unitId: string | null;
  hasCommittee: boolean;
  /** This year so far: meetings that count, and periods of B1–B7 ended without one. */
  heldThisYear: number;
  missedThisYear: number;
  lastHeldOn: string | null;
}

export const branchList: ListSpec = {
  id: 'b.org_id',
  sortable: { name: 'b.name', lastHeldOn: 'lastHeldOn' },
  defaultSort: ['name', 'ASC'],
  filters: {
    id: filters.oneOf('b.org_id'),
    kind: filters.oneOf('b.kind'),
    q: filters.search('b.name'),
  },
};

const COLUMNS = `b.org_id AS id, b.name, b.kind, b.unit_id AS unitId, b.committee_since IS NOT NULL AS hasCommittee,
  (SELECT max(m.held_on) FROM orglife_meetings m WHERE m.org_id = b.org_id AND m.counts = 1) AS lastHeldOn`;

/** The organisations that keep organisational life, each with its year so far (from the month grid). */
export const listBranches = (db: ReadModelDb, query: ListQuery, today: string) => {
  const scoped = {
    ...query,
    where: query.where ? `${query.where} AND b.keeps_org_life = 1` : 'WHERE b.keeps_org_life = 1',
  };
  const year = Number(today.slice(0, 4));
  return listPage<
    BranchRow,
    Omit<BranchRow, 'hasCommittee' | 'heldThisYear' | 'missedThisYear'> & { hasCommittee: number }
  >(db, { columns: COLUMNS, from: 'orglife_branches b', tieBreak: 'b.org_id' }, scoped, (raw) => {
    const periods = monthGrid(db, raw.id, year, today)?.rows.flatMap((row) => row.periods) ?? [];
    return {
      ...raw,
      hasCommittee: raw.hasCommittee === 1,
      heldThisYear: periods.reduce((sum, p) => sum + p.held, 0),
      missedThisYear: periods.filter((p) => p.status === 'missing').length,
    };
  });
};
