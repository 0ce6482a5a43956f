import type { DataProvider } from 'react-admin';
import { getJson, postCommand } from '../dataProvider/command';

type Bilingual = { zh: string; en: string };

export interface RuleSetYear {
  year: number;
  title: string;
  revision: number;
  updatedAt: string;
  versions: number;
  latestVersion: number | null;
}

export interface RuleSetOfYear {
  year: number;
  revision: number;
  draft: unknown;
  versions: { version: number; effectiveOn: string; publishedAt: string }[];
}

export interface RuleSetError {
  path: string;
  code: string;
  message: Bilingual;
}

export interface RankedUnit {
  unitId: string;
  name: string;
  rank: number;
  total: number;
  grade: { id: string; name: Bilingual };
  vetoedBy: { indicator: string; capAt: string } | null;
}

export interface Ranking {
  year: number;
  version: number | null;
  effectiveOn?: string;
  asOf?: string;
  rows: RankedUnit[];
}

export interface ExplainedScore {
  total: number;
  grade: { id: string; name: Bilingual };
  version: number;
  asOf: string;
  sections: {
    section: string;
    title: Bilingual;
    maxPoints: number;
    points: number;
    items: {
      indicator: string | null;
      kind: string;
      title: Bilingual;
      period: string;
      points: number;
      note?: Bilingual;
      events: { id: string; type: string; occurredOn: string; recordedAt: string }[];
    }[];
  }[];
}

export interface WhatIf {
  year: number;
  against: { version: number; effectiveOn: string } | null;
  asOf: string;
  rows: {
    unitId: string;
    name: string;
    before: { total: number; grade: { id: string; name: Bilingual } } | null;
    after: { total: number; grade: { id: string; name: Bilingual } };
    change: number | null;
  }[];
}

/** The assessment's reads and commands (src/assessment/assessment.controller.ts). */
export const assessmentCommands = {
  getRuleSetYears: () => getJson<RuleSetYear[]>('/assessment/rulesets'),
  getRuleSet: (year: number) => getJson<RuleSetOfYear>(`/assessment/rulesets/${year}`),
  draftRuleSet: (year: number, body: unknown) => postCommand(`/assessment/rulesets/${year}`, { body }),
  editRuleSetDraft: (year: number, body: unknown, expectedRevision: number) =>
    postCommand(`/assessment/rulesets/${year}/draft`, { body, expectedRevision }),
  validateRuleSet: (year: number, body: unknown) =>
    postCommand(`/assessment/rulesets/${year}/validate`, { body }) as unknown as Promise<{
      data: { valid: boolean; errors: RuleSetError[] };
    }>,
  publishRuleSet: (year: number, effectiveOn: string, expectedRevision: number) =>
    postCommand(`/assessment/rulesets/${year}/publish`, { effectiveOn, expectedRevision }),
  getWhatIf: (year: number) => getJson<WhatIf>(`/assessment/rulesets/${year}/what-if`),
  getRanking: (year: number) => getJson<Ranking>(`/assessment/scores?year=${year}`),
  getUnitScore: (unitId: string, year: number) =>
    getJson<ExplainedScore>(`/assessment/units/${encodeURIComponent(unitId)}/score?year=${year}`),
};

export type AssessmentDataProvider = DataProvider & typeof assessmentCommands;
