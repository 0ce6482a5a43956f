import { useQuery } from '@tanstack/react-query';
import { API_URL, httpClient } from '../dataProvider/http';
import type { Bilingual } from '../i18n/i18nProvider';

/**
 * The steps, records and obligation titles as GET /api/development/catalogue serves them
 * (src/development/development-catalogue.ts): the admin keeps no copy of its own.
 */
export interface CatalogueCommand extends Bilingual {
  key: string;
  /** 1–25; null for a record that is no step of its own (thought reports). */
  number: number | null;
  stage: number | null;
  after: string[];
  until: string | null;
  method: 'POST';
  /** e.g. `/api/development/cases/:id/talk`. */
  path: string;
  roles: string[];
  /**
   * `approving_committee`: the higher committee's step (13, 16–18, 24), which a secretary may take only for
   * the committee with approval authority over the case; the case's `nextSteps` already say who may.
   */
  authority: 'approving_committee' | null;
  /** The documents it normally produces (domain.md §4.2 "Record"): suggestions for its records. */
  records: Bilingual[];
}

/** One record of a step as the case read serves it (`records` by step key). */
export interface CaseRecord {
  title: string;
  /** Archive number, file location or link. */
  reference: string | null;
  on: string | null;
  source: 'step' | 'attached';
  recordedBy: string;
  recordedAt: string;
  eventId: string;
}

export interface ObligationTitle extends Bilingual {
  code: string;
  who: string;
}

export interface DevelopmentCatalogue {
  steps: CatalogueCommand[];
  records: CatalogueCommand[];
  obligations: ObligationTitle[];
}

/** A case as GET /api/development/cases/:id returns it (src/development/projections/development-cases.projection.ts). */
export interface DevelopmentCaseRow {
  id: string;
  name: string;
  orgId: string;
  orgName: string | null;
  unitId: string;
  unitName: string | null;
  status: 'open' | 'not_admitted' | 'cancelled' | 'full_member';
  stage: number;
  step: number;
  nextObligation: string | null;
  nextDueOn: string | null;
  steps: Record<string, string | undefined>;
  /** Only on the single case: the step and record keys it may take next that the user's role may send. */
  nextSteps?: string[];
  /** Only on the single case: the steps only a not-before date holds back, and the day it lets them through. */
  upcomingSteps?: { key: string; availableFrom: string }[];
  /** Only on the single case: the documents of each step (by key), sent with it or attached later. */
  records?: Record<string, CaseRecord[] | undefined>;
  /** Only on the single case: the done steps the user's role may attach a record to. */
  attachable?: string[];
}

export const STAGES = [1, 2, 3, 4, 5] as const;

/** Fetched once per session: the catalogue changes only with a release. */
export const useDevelopmentCatalogue = () => {
  return useQuery({
    queryKey: ['development', 'catalogue'],
    queryFn: async () => (await httpClient(`${API_URL}/development/catalogue`)).json as DevelopmentCatalogue,
    staleTime: Infinity,
  });
};

/** The catalogue's commands the server named as next, in the server's order. */
export const commandsFor = (catalogue: DevelopmentCatalogue, keys: string[]): CatalogueCommand[] => {
  const all = [...catalogue.steps, ...catalogue.records];
  return keys.flatMap((key) => all.filter((command) => command.key === key));
};
