import type { DataProvider } from 'react-admin';
import type { ActivityEvent } from '../audit/activityEvent';
import { getJson } from '../dataProvider/command';

/** GET /api/dashboard (src/dashboard/dashboard.ts): the tiles, charts and recent activity of one role. */
export interface DashboardData {
  role: string | null;
  tiles: {
    key: string;
    label: { zh: string; en: string };
    value: number | string;
    tone: 'normal' | 'warning' | 'danger';
    /** The list the tile counts and its filter (src/dashboard/dashboard.ts). */
    link?: { resource: string; filter?: Record<string, unknown> };
    /** The rule code behind the figure, for a tooltip. */
    rule?: string;
  }[];
  charts: {
    key: string;
    label: { zh: string; en: string };
    data: { label: { zh: string; en: string }; value: number }[];
  }[];
  recent: ActivityEvent[];
}

export const dashboardCommands = {
  getDashboard: () => getJson<DashboardData>('/dashboard'),
};

/** The data provider as this feature's screens see it. */
export type DashboardDataProvider = DataProvider & typeof dashboardCommands;
