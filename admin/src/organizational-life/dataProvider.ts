import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';

/** A member on an organisation's roster on a day (GET /api/organizational-life/branches/:orgId/roster). */
export interface RosterMember {
  id: string;
  name: string | null;
  category: 'full' | 'probationary';
}

export type GridStatus = 'held' | 'covered' | 'open' | 'missing' | 'due' | 'future' | 'not-owed' | 'untracked';

/** One branch's year (GET /api/organizational-life/branches/:orgId/grid). */
export interface MonthGrid {
  orgId: string;
  orgName: string;
  year: number;
  months: string[];
  rows: {
    kind: string;
    code: string;
    periodKind: 'month' | 'quarter' | 'year';
    cells: { month: string; held: number; notQuorate: number; meetingIds: string[]; status: GridStatus }[];
  }[];
}

export interface BranchRow {
  id: string;
  name: string;
  heldThisYear: number;
  missedThisYear: number;
  lastHeldOn: string | null;
}

const query = (values: Record<string, string>) => new URLSearchParams(values).toString();

/** Organisational life's reads beside its resources, and its commands on one record. */
export const organizationalLifeCommands = {
  getOrgLifeRoster: (orgId: string, on: string) =>
    getJson<RosterMember[]>(`/organizational-life/branches/${encodeURIComponent(orgId)}/roster?${query({ on })}`),
  getOrgLifeGrid: (orgId: string, year: number) =>
    getJson<MonthGrid>(
      `/organizational-life/branches/${encodeURIComponent(orgId)}/grid?${query({ year: String(year) })}`,
    ),
  getOrgLifeBranches: () =>
    getJson<BranchRow[]>(`/organizational-life/branches?${query({ range: '[0,499]', sort: '["name","ASC"]' })}`),
  commentLesson: (id: Identifier, data: { comment: string; on: string }) =>
    postCommand(commandPath('organizational-life/meetings', id, 'comment'), data),
  selectTypicalCase: (id: Identifier, data: { conferenceYear: number; note?: string | null; on: string }) =>
    postCommand(commandPath('organizational-life/typical-cases', id, 'select'), data),
};

export type OrgLifeDataProvider = DataProvider & typeof organizationalLifeCommands;
