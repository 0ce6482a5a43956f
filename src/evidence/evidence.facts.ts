import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import type { Half } from './evidence-categories.js';
import { EVIDENCE_FILES } from './projections/evidence-files.projection.js';
import { archiveOf, archiveOrg, filesWhere, type EvidenceRow } from './projections/evidence-queries.js';

/** A file on file as another feature (or the assessment, #13) cites it: what, for whom, when, and its event. */
export interface EvidenceOnFile {
  evidenceId: string;
  /** The EvidenceFiled event behind it. */
  eventId: string;
  orgId: string | null;
  subject: { feature: string; kind: string; id: string };
  year: number;
  category: string;
  half: Half | null;
  /** The document's business date. */
  on: string;
  name: string;
  title: string | null;
}

const onFile = (row: EvidenceRow): EvidenceOnFile => ({
  evidenceId: row.id,
  eventId: row.eventId,
  orgId: row.orgId,
  subject: row.subject,
  year: row.year,
  category: row.category,
  half: row.half,
  on: row.on,
  name: row.name,
  title: row.title,
});

/**
 * The evidence feature's read door: what is on file (withdrawn files never count), per organisation,
 * subject, year and category, each answer with the events behind it so a score can be explained.
 */
@Injectable()
export class EvidenceFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** The files on file matching every criterion given, oldest first. */
  filesOnFile(criteria: {
    orgId?: string;
    year?: number;
    category?: string;
    subject?: Partial<EvidenceOnFile['subject']>;
  }): EvidenceOnFile[] {
    return filesWhere(this.db, criteria).map(onFile);
  }

  /** What of `category` is on file for the subject in the year (C2: a pairing's year-end summary); [] when nothing. */
  filedFor(subject: EvidenceOnFile['subject'], year: number, category: string): EvidenceOnFile[] {
    return this.filesOnFile({ subject, year, category });
  }

  /** Per organisation and category for a year (or every year): how many files, and their events. */
  countsByOrg(year?: number): { orgId: string; year: number; category: string; files: number; eventIds: string[] }[] {
    return (
      statement(
        this.db,
        `SELECT org_id AS orgId, year, category, count(*) AS files, json_group_array(event_id) AS eventIds
         FROM ${EVIDENCE_FILES} WHERE status = 'filed' AND org_id IS NOT NULL AND (@year IS NULL OR year = @year)
         GROUP BY org_id, year, category ORDER BY org_id, year, category`,
      ).all({ year: year ?? null }) as {
        orgId: string;
        year: number;
        category: string;
        files: number;
        eventIds: string;
      }[]
    ).map((row) => ({ ...row, eventIds: JSON.parse(row.eventIds) as string[] }));
  }

  /**
   * Is the organisation's archive for the year ready for inspection, and if not what is missing; the files
   * present with their events. Null for an organisation the roster does not know.
   */
  readiness(orgId: string, year: number) {
    const org = archiveOrg(this.db, orgId);
    if (!org) return null;
    const archive = archiveOf(this.db, org, year);
    return {
      orgId,
      year,
      profile: archive.profile,
      ready: archive.ready,
      missing: archive.missing.map(({ category, half }) => ({ category, half })),
      present: archive.entries.flatMap((entry) => entry.files.map(onFile)),
    };
  }
}
