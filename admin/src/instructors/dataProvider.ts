import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';

export type MonthStatus = 'visited' | 'missed' | 'due' | 'upcoming' | 'none';

/** GET /api/instructors/calendar: months × (instructor, unit). */
export interface Calendar {
  months: string[];
  today: string;
  rows: {
    instructorId: string;
    instructorName: string | null;
    unitId: string;
    unitName: string | null;
    cells: { month: string; status: MonthStatus; visits: number; visitDays: string[] }[];
    visited: number;
    missed: number;
    due: number;
  }[];
}

export interface Overview {
  months: string[];
  today: string;
  instructors: {
    instructorId: string;
    instructorName: string | null;
    units: number;
    visited: number;
    missed: number;
    due: number;
  }[];
}

export interface ConfirmationGrid {
  months: string[];
  today: string;
  organisations: {
    orgId: string;
    orgName: string | null;
    cells: { month: string; status: 'confirmed' | 'missing' | 'due' | 'none'; confirmedOn: string | null }[];
    confirmed: number;
    missing: number;
  }[];
}

const query = (params: Record<string, string | number | undefined>) => {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

/** The instructors feature's reads beside its resources, and its commands. */
export const instructorsCommands = {
  getInstructorCalendar: (params: { instructorId?: string; to?: string; months?: number }) =>
    getJson<Calendar>(`/instructors/calendar${query(params)}`),
  getInstructorOverview: (params: { to?: string; months?: number }) =>
    getJson<Overview>(`/instructors/calendar/overview${query(params)}`),
  logInstructorVisit: (data: Record<string, unknown>) => postCommand('/instructors/visits', data),
  endInstructorDispatch: (id: Identifier, data: Record<string, unknown>) =>
    postCommand(commandPath('instructors/dispatches', id, 'end'), data),
  getOrgLifeConfirmations: (params: { to?: string; months?: number }) =>
    getJson<ConfirmationGrid>(`/instructors/org-life-confirmations${query(params)}`),
  confirmOrgLife: (data: { orgId: string; month: string; note?: string | null }) =>
    postCommand('/instructors/org-life-confirmations', data),
};

export type InstructorsDataProvider = DataProvider & typeof instructorsCommands;
