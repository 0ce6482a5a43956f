import type { ActivityEvent } from './activityEvent';
import { getJson } from '../dataProvider/command';
import { API_URL, downloadFromApi, httpClient } from '../dataProvider/http';
import { readSession } from '../auth/session';

type Bilingual = { zh: string; en: string };

/** One line of a unit's timeline: an activity line and the feature that wrote it. */
export interface TimelineLine extends ActivityEvent {
  feature: string | null;
}

export interface ScoreLine {
  indicator: string | null;
  kind: string;
  title: Bilingual;
  period: string;
  points: number;
  note?: Bilingual;
  events: { id: string; type: string; occurredOn: string; recordedAt: string }[];
}

/** A unit's state and score at a point (GET /api/audit/units/:id/score). */
export interface ScoreAtPoint {
  unitId: string;
  year: number;
  asOf: string;
  at: { occurredBy?: string; recordedBy?: string; atPosition?: string };
  state: { name: string | null; type: string | null; events: number; byType: Record<string, number> };
  version: { version: number; effectiveOn: string; publishedAt: string } | null;
  score: {
    total: number;
    grade: { id: string; name: Bilingual };
    vetoedBy: { indicator: string; capAt: string } | null;
    sections: { section: string; title: Bilingual; maxPoints: number; points: number; items: ScoreLine[] }[];
  } | null;
  eventCount: number;
  lastPosition: string | null;
}

export interface DiffEvent {
  id: string;
  position: string;
  type: string;
  stream: string;
  occurredAt: string;
  recordedAt: string;
}

export interface ScoreDiff {
  from: ScoreAtPoint;
  to: ScoreAtPoint;
  added: DiffEvent[];
  removed: DiffEvent[];
  lines: {
    section: string;
    sectionTitle: Bilingual;
    indicator: string | null;
    kind: string;
    title: Bilingual;
    period: string;
    from: number;
    to: number;
    change: number;
    eventsAdded: string[];
    eventsRemoved: string[];
  }[];
  total: { from: number | null; to: number | null; change: number | null };
}

/** A point as the slider and the diff send it: a business date ("as of") or a record date ("as known at"). */
export interface Point {
  mode: 'asOf' | 'knownAt';
  date: string;
}

export interface Verification {
  checked: boolean;
  ok: boolean | null;
}

const unitPath = (unitId: string) => `/audit/units/${encodeURIComponent(unitId)}`;

/** The audit's reads (src/audit/audit.controller.ts); each one is recorded by the server. */
export const auditApi = {
  unit: (unitId: string) => getJson<{ id: string; name: string; today: string }>(unitPath(unitId)),
  timeline: async (unitId: string, filter: Record<string, unknown>, page: number, perPage: number) => {
    const query = new URLSearchParams({
      filter: JSON.stringify(filter),
      range: JSON.stringify([page * perPage, page * perPage + perPage - 1]),
      sort: JSON.stringify(['position', 'DESC']),
    });
    const { json, headers } = await httpClient(`${API_URL}${unitPath(unitId)}/timeline?${query}`);
    const total = Number(headers.get('Content-Range')?.split('/').pop() ?? 0);
    return { lines: json as TimelineLine[], total };
  },
  scoreAt: (unitId: string, year: number, point: Point) =>
    getJson<ScoreAtPoint>(`${unitPath(unitId)}/score?year=${year}&${point.mode}=${point.date}`),
  diff: (unitId: string, year: number, from: Point, to: Point) =>
    getJson<ScoreDiff>(`${unitPath(unitId)}/diff?year=${year}&${prefixed('from', from)}&${prefixed('to', to)}`),
  /** The log's verification (another feature's GET /api/integrity); absent or refused: not checked. */
  verification: async (): Promise<Verification> => {
    const token = readSession()?.token;
    try {
      const response = await fetch(`${API_URL}/integrity`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) return { checked: false, ok: null };
      const body = (await response.json()) as Record<string, unknown>;
      const ok = [body.ok, body.valid, body.verified].find((value) => typeof value === 'boolean') as
        boolean | undefined;
      return { checked: ok !== undefined, ok: ok ?? null };
    } catch {
      return { checked: false, ok: null };
    }
  },
  export: (unitId: string, year: number, format: 'xlsx' | 'html', lang: 'zh' | 'en') =>
    downloadFromApi(`${unitPath(unitId)}/export?year=${year}&format=${format}&lang=${lang}`, `audit-${year}.${format}`),
};

const prefixed = (prefix: 'from' | 'to', point: Point) =>
  `${prefix}${point.mode === 'asOf' ? 'AsOf' : 'KnownAt'}=${point.date}`;
