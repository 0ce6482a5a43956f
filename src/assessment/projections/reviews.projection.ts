import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import type { AssessmentResultFinalised, ReviewEvent } from '../assessment.events.js';
import { reviewHistory, type ReviewState } from '../commands/review-commands.js';

export interface Objection {
  kind: 'comment' | 'objection';
  text: string;
  on: string;
  recordedAt: string;
}

/** Each unit's year under review: the scoring as the stream folds it, its comments and objections, the result. */
export const reviewsProjection: Projection = {
  name: 'assessment_reviews',
  version: 1,
  handles: ['ManualItemsScored', 'ScoreAdjusted', 'AssessmentObjectionRaised', 'AssessmentResultFinalised'],
  tables: ['assessment_reviews'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS assessment_reviews (
        year INTEGER NOT NULL, unit_id TEXT NOT NULL, revision INTEGER NOT NULL, state TEXT NOT NULL,
        objections TEXT NOT NULL, result TEXT, PRIMARY KEY (year, unit_id))`),
  evolve: (db, recorded: RecordedEvent) => {
    const event = recorded as unknown as ReviewEvent & RecordedEvent;
    const { year, unitId } = event.data;
    const found = reviewOf(db, year, unitId);
    const state = reviewHistory.evolve(found?.state ?? reviewHistory.initialState(), event);
    const objections = [...(found?.objections ?? [])];
    if (event.type === 'AssessmentObjectionRaised')
      objections.push({
        kind: event.data.kind,
        text: event.data.text,
        on: shanghaiDate(event.metadata.occurredAt),
        recordedAt: event.metadata.recordedAt,
      });
    const result = event.type === 'AssessmentResultFinalised' ? event.data : (found?.result ?? null);
    statement(db, 'INSERT OR REPLACE INTO assessment_reviews VALUES (?, ?, ?, ?, ?, ?)').run(
      year,
      unitId,
      recorded.revision,
      JSON.stringify(state),
      JSON.stringify(objections),
      result && JSON.stringify(result),
    );
  },
};

export interface Review {
  revision: number;
  state: ReviewState;
  objections: Objection[];
  result: AssessmentResultFinalised['data'] | null;
}

export const reviewOf = (db: ReadModelDb, year: number, unitId: string): Review | null => {
  const row = statement(
    db,
    'SELECT revision, state, objections, result FROM assessment_reviews WHERE year = ? AND unit_id = ?',
  ).get(year, unitId) as { revision: number; state: string; objections: string; result: string | null } | undefined;
  return row
    ? {
        revision: row.revision,
        state: JSON.parse(row.state) as ReviewState,
        objections: JSON.parse(row.objections) as Objection[],
        result: row.result ? (JSON.parse(row.result) as Review['result']) : null,
      }
    : null;
};
