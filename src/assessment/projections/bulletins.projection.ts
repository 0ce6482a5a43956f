import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { AssessmentBulletinPublished, BulletinRank } from '../assessment.events.js';

/** The bulletins published (季通报 and year-end results), for the list, the admin and obligation D2. */
export const bulletinsProjection: Projection = {
  name: 'assessment_bulletins',
  version: 1,
  handles: ['AssessmentBulletinPublished'],
  tables: ['assessment_bulletins'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS assessment_bulletins (
        year INTEGER NOT NULL, period TEXT NOT NULL, version INTEGER NOT NULL, published_on TEXT NOT NULL,
        ranking TEXT NOT NULL, flagged TEXT NOT NULL, published_at TEXT NOT NULL, PRIMARY KEY (year, period))`),
  evolve: (db, recorded: RecordedEvent) => {
    const { data } = recorded as unknown as AssessmentBulletinPublished & RecordedEvent;
    statement(db, 'INSERT OR REPLACE INTO assessment_bulletins VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      data.year,
      data.period,
      data.version,
      data.publishedOn,
      JSON.stringify(data.ranking),
      JSON.stringify(data.flaggedUnitIds),
      recorded.metadata.recordedAt,
    );
  },
};

export interface Bulletin {
  id: string;
  year: number;
  period: string;
  version: number;
  publishedOn: string;
  publishedAt: string;
  ranking: BulletinRank[];
  flaggedUnitIds: string[];
}

interface BulletinRow extends Omit<Bulletin, 'id' | 'ranking' | 'flaggedUnitIds'> {
  ranking: string;
  flagged: string;
}

const COLUMNS = 'year, period, version, published_on AS publishedOn, published_at AS publishedAt, ranking, flagged';

const parsed = ({ ranking, flagged, ...row }: BulletinRow): Bulletin => ({
  id: `${row.year}-${row.period}`,
  ...row,
  ranking: JSON.parse(ranking) as BulletinRank[],
  flaggedUnitIds: JSON.parse(flagged) as string[],
});

/** A year's bulletins (every year's when none is given), in period order. */
export const bulletins = (db: ReadModelDb, year: number | null): Bulletin[] =>
  (
    statement(
      db,
      `SELECT ${COLUMNS} FROM assessment_bulletins WHERE ? IS NULL OR year = ? ORDER BY year DESC, period`,
    ).all(year, year) as BulletinRow[]
  ).map(parsed);

export const bulletin = (db: ReadModelDb, year: number, period: string): Bulletin | null => {
  const row = statement(db, `SELECT ${COLUMNS} FROM assessment_bulletins WHERE year = ? AND period = ?`).get(
    year,
    period,
  ) as BulletinRow | undefined;
  return row ? parsed(row) : null;
};
