import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import type { RecordedEvent } from '../../core/messages.js';
import type { OpenCase } from '../development-case.js';
import type { CaseStatus } from '../development-steps.js';
import { EVENT_STEP } from '../development-records.js';
import { STEPS, stepNumber, type CommandKey, type StepKey } from '../development-steps.js';
import { DEVELOPMENT_STEP_EVENT_TYPES, type DevelopmentEvent, type StepRecord } from '../development.events.js';
import { openObligations } from '../obligations.js';
import { caseStates } from './case-state.js';
import { namesJoin } from './development-names.projection.js';

const states = caseStates('development_cases_state');

/** The furthest step done: the case's current step and stage. */
const currentStep = (c: OpenCase): number =>
  Math.max(...(Object.keys(c.done) as StepKey[]).map((key) => stepNumber(key)));

const row = (c: OpenCase, revision: number, at: string) => {
  const step = currentStep(c);
  const next = openObligations(c)[0];
  return [
    c.personId,
    c.name,
    c.orgId,
    c.unitId,
    c.status,
    STEPS[step - 1].stage,
    step,
    c.done.application,
    c.done.activist ?? null,
    c.done.candidate ?? null,
    c.done.admissionVote ?? null,
    c.done.approval ?? null,
    c.done.oath ?? null,
    c.probationEnd,
    c.done.conversionApproval ?? null,
    c.partyStandingFrom,
    next?.code ?? null,
    next?.dueOn ?? null,
    JSON.stringify(c.done),
    revision,
    at,
    sortKey(c.name),
  ];
};

/**
 * The records of one event: a step event's own (`records`, absent from events written before them) or
 * the one a DevelopmentRecordAttached adds to a done step.
 */
const recordsOf = (
  event: DevelopmentEvent,
): { step: CommandKey; source: 'step' | 'attached'; records: StepRecord[] } =>
  event.type === 'DevelopmentRecordAttached'
    ? {
        step: event.data.step,
        source: 'attached',
        records: [{ title: event.data.title, reference: event.data.reference, on: event.data.on }],
      }
    : { step: EVENT_STEP[event.type], source: 'step', records: event.data.records ?? [] };

const keepRecords = (db: ReadModelDb, recorded: RecordedEvent) => {
  const { step, source, records } = recordsOf(recorded as unknown as DevelopmentEvent);
  const personId = (recorded.data as { personId: string }).personId;
  records.forEach((record, index) =>
    statement(db, 'INSERT OR REPLACE INTO development_case_records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      recorded.id,
      index,
      personId,
      recorded.position,
      step,
      record.title,
      record.reference,
      record.on,
      source,
      recorded.metadata.actorId,
      recorded.metadata.recordedAt,
    ),
  );
};

/**
 * One row per development case: stage 1–5, step 1–25, the key dates (§4.3) and the next due obligation.
 * `admission_meeting_on` is the entry date (入党时间) and probation start. Beside it, the records of the
 * case's steps (`development_case_records`), from the step events and from records attached later.
 */
export const developmentCasesProjection: Projection = {
  name: 'development_cases',
  // 2: the case state gained `lastFailedVoteOn`, which re-dates the next obligation after a failed vote.
  // 3: the records of each step (issue #5 item 6), and DevelopmentRecordAttached.
  // 4: A2 and A8 have no due date any more (they are earliest days), which changes `next_due_on`.
  // 5: name_key, so that lists sort by pinyin.
  // 6: its own names of units and organisations, from their events (it read the roster's tables before).
  // 7: the feature's one copy of the names (development_names).
  version: 7,
  handles: [...DEVELOPMENT_STEP_EVENT_TYPES, 'DevelopmentRecordAttached'],
  tables: ['development_cases', states.table, 'development_case_records'],
  init: (db) => {
    states.init(db);
    db.exec(`CREATE TABLE IF NOT EXISTS development_case_records (
      event_id TEXT NOT NULL, seq INTEGER NOT NULL, case_id TEXT NOT NULL, position INTEGER NOT NULL,
      step TEXT NOT NULL, title TEXT NOT NULL, reference TEXT, record_on TEXT, source TEXT NOT NULL,
      recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (event_id, seq));
    CREATE INDEX IF NOT EXISTS development_case_records_case ON development_case_records (case_id, position, seq)`);
    db.exec(`CREATE TABLE IF NOT EXISTS development_cases (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, org_id TEXT NOT NULL, unit_id TEXT NOT NULL, status TEXT NOT NULL,
      stage INTEGER NOT NULL, step INTEGER NOT NULL, applied_on TEXT NOT NULL, activist_on TEXT, candidate_on TEXT,
      admission_meeting_on TEXT, approved_on TEXT, oath_on TEXT, probation_end TEXT, converted_on TEXT,
      party_standing_from TEXT, next_obligation TEXT, next_due_on TEXT, steps TEXT NOT NULL,
      revision INTEGER NOT NULL, updated_at TEXT NOT NULL, name_key TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS development_cases_org ON development_cases (org_id, stage)`);
  },
  evolve: (db, recorded) => {
    const { after } = states.fold(db, recorded);
    if (after.status === 'none') return;
    keepRecords(db, recorded);
    statement(db, `INSERT OR REPLACE INTO development_cases VALUES (${Array(22).fill('?').join(', ')})`).run(
      ...row(after, recorded.revision, recorded.metadata.recordedAt),
    );
  },
};

const COLUMNS = `c.id, c.name, c.org_id AS orgId, o.name AS orgName, c.unit_id AS unitId, u.name AS unitName, c.status,
  c.stage, c.step, c.applied_on AS appliedOn, c.activist_on AS activistOn, c.candidate_on AS candidateOn,
  c.admission_meeting_on AS admissionMeetingOn, c.approved_on AS approvedOn, c.oath_on AS oathOn,
  c.probation_end AS probationEnd, c.converted_on AS convertedOn, c.party_standing_from AS partyStandingFrom,
  c.next_obligation AS nextObligation, c.next_due_on AS nextDueOn, c.steps, c.revision, c.updated_at AS updatedAt`;
const FROM = `development_cases c ${namesJoin('o', 'org', 'c.org_id')} ${namesJoin('u', 'unit', 'c.unit_id')}`;

export const developmentCaseList: ListSpec = {
  id: 'c.id',
  sortable: {
    name: 'c.name_key',
    orgName: 'o.name_key',
    unitName: 'u.name_key',
    stage: 'c.stage',
    step: 'c.step',
    appliedOn: 'c.applied_on',
    nextDueOn: 'c.next_due_on',
    updatedAt: 'c.updated_at',
  },
  defaultSort: ['nextDueOn', 'ASC'],
  filters: {
    q: filters.search('c.name'),
    id: filters.oneOf('c.id'),
    orgId: filters.oneOf('c.org_id'),
    unitId: filters.oneOf('c.unit_id'),
    stage: filters.equals('c.stage'),
    status: filters.equals('c.status'),
  },
};

type Raw = Record<string, unknown> & { orgId: string; unitId: string; status: CaseStatus; steps: string };
// A spread with `steps` overridden, not `({ steps, ...rest })`: V8 builds a rest object several times slower.
const toRow = (raw: Raw) => ({ ...raw, steps: JSON.parse(raw.steps) as Partial<Record<StepKey, string>> });

export const listDevelopmentCases = (db: ReadModelDb, query: ListQuery) =>
  listPage(db, { columns: COLUMNS, from: FROM, tieBreak: 'c.id', keysFirst: false }, query, toRow);

export const getDevelopmentCase = (db: ReadModelDb, id: string) => {
  const found = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ?`).get(id) as Raw | undefined;
  return found && toRow(found);
};

/** The case's folded state, kept beside its row: what the date rules of its next steps need. */
export const getDevelopmentCaseState = (db: ReadModelDb, id: string) => states.get(db, id);

/** One record of a step, as the case read serves it: what, where kept, its date, and who recorded it when. */
export interface CaseRecord {
  title: string;
  reference: string | null;
  on: string | null;
  /** `step`: sent with the step itself; `attached`: added later to the done step. */
  source: 'step' | 'attached';
  recordedBy: string;
  recordedAt: string;
  eventId: string;
}

/** The records of a case by step (or recurring record) key, each list in the order they were recorded. */
export const caseRecords = (db: ReadModelDb, id: string): Partial<Record<CommandKey, CaseRecord[]>> => {
  const rows = statement(
    db,
    `SELECT step, title, reference, record_on AS "on", source, recorded_by AS recordedBy, recorded_at AS recordedAt,
      event_id AS eventId FROM development_case_records WHERE case_id = ? ORDER BY position, seq`,
  ).all(id) as (CaseRecord & { step: CommandKey })[];
  const byStep: Partial<Record<CommandKey, CaseRecord[]>> = {};
  for (const { step, ...record } of rows) (byStep[step] ??= []).push(record);
  return byStep;
};
