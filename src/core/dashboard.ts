import type { Bilingual } from './errors.js';
import type { Actor } from './http/request-context.js';
import type { ReadModelDb } from './projections/projection.js';

export interface Tile {
  key: string;
  label: Bilingual;
  value: number | string;
  tone: 'normal' | 'warning' | 'danger';
  /** The list the tile counts, filtered as counted: the admin opens `/<resource>?filter=…` on a click. */
  link?: TileLink;
  /** The rule behind the figure (domain.md §12, e.g. B15): a tooltip for those who know the codes. */
  rule?: string;
}

export interface TileLink {
  resource: string;
  filter?: Record<string, unknown>;
}

export interface Chart {
  key: string;
  label: Bilingual;
  data: { label: Bilingual; value: number }[];
}

export interface DashboardPart {
  tiles?: Tile[];
  charts?: Chart[];
}

/**
 * The kernel's port for the home page (src/dashboard/ shows it): each feature contributes its part; it sees the actor, so scoped roles see their
 * own, and today's date in Asia/Shanghai from the injected clock.
 */
export type DashboardContribution = (db: ReadModelDb, actor: Actor, today: string) => DashboardPart;

export const DASHBOARD_CONTRIBUTIONS = Symbol('DASHBOARD_CONTRIBUTIONS');
