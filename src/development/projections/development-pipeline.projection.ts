import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { DevelopmentCase } from '../development-case.js';
import { STEPS, stepNumber, type StepKey } from '../development-steps.js';
import { DEVELOPMENT_STEP_EVENT_TYPES } from '../development.events.js';
import { caseStates } from './case-state.js';
import { namesJoin } from './development-names.projection.js';

const states = caseStates('development_pipeline_state');

/** Where a case counts: its organisation and stage while in progress, nowhere once ended. */
const slot = (c: DevelopmentCase): { orgId: string; stage: number } | null => {
  if (c.status !== 'open') return null;
  const step = Math.max(...(Object.keys(c.done) as StepKey[]).map(stepNumber));
  return { orgId: c.orgId, stage: STEPS[step - 1].stage };
};

const add = (db: ReadModelDb, at: { orgId: string; stage: number } | null, delta: number) => {
  if (!at) return;
  statement(db, 'INSERT OR IGNORE INTO development_pipeline VALUES (?, ?, 0)').run(at.orgId, at.stage);
  statement(db, 'UPDATE development_pipeline SET cases = cases + ? WHERE org_id = ? AND stage = ?').run(
    delta,
    at.orgId,
    at.stage,
  );
};

/** Cases in progress per branch and stage: the pipeline board. */
export const developmentPipelineProjection: Projection = {
  name: 'development_pipeline',
  // 2: its own names of organisations, from their events (it read the roster's tables before).
  // 3: the feature's one copy of the names (development_names).
  version: 3,
  handles: DEVELOPMENT_STEP_EVENT_TYPES,
  tables: ['development_pipeline', states.table],
  init: (db) => {
    states.init(db);
    db.exec(`CREATE TABLE IF NOT EXISTS development_pipeline (
      org_id TEXT NOT NULL, stage INTEGER NOT NULL, cases INTEGER NOT NULL, PRIMARY KEY (org_id, stage))`);
  },
  evolve: (db, recorded) => {
    const { before, after } = states.fold(db, recorded);
    add(db, slot(before), -1);
    add(db, slot(after), 1);
  },
};

export interface PipelineRow {
  orgId: string;
  orgName: string | null;
  stages: Record<1 | 2 | 3 | 4 | 5, number>;
  total: number;
}

/** One row per organisation with cases in progress, counts per stage 1–5. */
export const pipeline = (db: ReadModelDb, orgIds: readonly string[] | null): PipelineRow[] => {
  const rows = statement(
    db,
    `SELECT p.org_id AS orgId, o.name AS orgName, p.stage, p.cases FROM development_pipeline p
    ${namesJoin('o', 'org', 'p.org_id')} WHERE p.cases > 0 ORDER BY o.name_key, p.org_id`,
  ).all() as { orgId: string; orgName: string | null; stage: 1 | 2 | 3 | 4 | 5; cases: number }[];
  const byOrg = new Map<string, PipelineRow>();
  for (const r of rows.filter((r) => !orgIds || orgIds.includes(r.orgId))) {
    const entry = byOrg.get(r.orgId) ?? {
      orgId: r.orgId,
      orgName: r.orgName,
      stages: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      total: 0,
    };
    entry.stages[r.stage] = r.cases;
    entry.total += r.cases;
    byOrg.set(r.orgId, entry);
  }
  return [...byOrg.values()];
};
