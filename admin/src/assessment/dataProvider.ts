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

export interface Bulletin {
  id: string;
  year: number;
  period: string;
  version: number;
  publishedOn: string;
  ranked: number;
  ranking: { unitId: string; name: string; rank: number; total: number; gradeId: string; flagged: boolean }[];
  flaggedUnitIds: string[];
}

export interface Review {
  weights: { self: number; superior: number };
  self: ExplainedScore;
  superior: ExplainedScore;
  adjustments: { points: number; reason: string }[];
  combined: { selfTotal: number; superiorTotal: number; total: number; grade: { id: string; name: Bilingual } };
  objections: { kind: 'comment' | 'objection'; text: string; on: string }[];
  objectionWindowEndsOn: string | null;
  result: { total: number; gradeId: string } | null;
}

export interface ManualItemInput {
  indicator: string;
  points: number;
  comment: string | null;
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
  getBulletins: (year: number) => getJson<Bulletin[]>(`/assessment/bulletins?year=${year}`),
  publishBulletin: (year: number, period: string) => postCommand(`/assessment/bulletins/${year}`, { period }),
  getReview: (unitId: string, year: number) =>
    getJson<Review>(`/assessment/units/${encodeURIComponent(unitId)}/review?year=${year}`),
  scoreManualItems: (unitId: string, year: number, by: 'self' | 'superior', items: ManualItemInput[]) =>
    postCommand(`/assessment/units/${encodeURIComponent(unitId)}/review/${year}/${by}`, { items }),
  raiseObjection: (unitId: string, year: number, kind: 'comment' | 'objection', text: string) =>
    postCommand(`/assessment/units/${encodeURIComponent(unitId)}/review/${year}/objection`, { kind, text }),
  adjustScore: (unitId: string, year: number, points: number, reason: string) =>
    postCommand(`/assessment/units/${encodeURIComponent(unitId)}/review/${year}/adjust`, { points, reason }),
  finaliseResult: (unitId: string, year: number) =>
    postCommand(`/assessment/units/${encodeURIComponent(unitId)}/review/${year}/finalise`, {}),
  getUnitScore: (unitId: string, year: number) =>
    getJson<ExplainedScore>(`/assessment/units/${encodeURIComponent(unitId)}/score?year=${year}`),
};

export type AssessmentDataProvider = DataProvider & typeof assessmentCommands;
