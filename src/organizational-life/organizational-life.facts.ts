import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { MEETING_KINDS, type MeetingKind } from './organizational-life.events.js';
import { monthGrid, type PeriodStatus } from './projections/month-grid.js';

/** A meeting behind a count: the event that recorded it and its business date. */
export interface MeetingFact {
  meetingId: string;
  eventId: string;
  heldOn: string;
  orgId: string;
  /** False for a general meeting short of its quorum: on record, but it meets no obligation. */
  counts: boolean;
}

export interface HeldPerKind {
  kind: MeetingKind;
  /** Meetings that count (quorate general meetings, every other kind). */
  held: number;
  meetings: MeetingFact[];
}

export interface PeriodFact {
  code: string;
  kind: MeetingKind;
  period: string;
  startsOn: string;
  endsOn: string;
  status: PeriodStatus;
  meetings: MeetingFact[];
}

/**
 * Organisational life's read door: what other features (the assessment, #13) may ask. Counts per
 * organisation or unit and period, always with the meetings (event ids, dates) behind them, so that every
 * point scored from them can be explained. Read from this feature's read models.
 */
@Injectable()
export class OrganizationalLifeFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** Meetings held from `from` to `to` (inclusive days), per kind, by an organisation or concerning a unit. */
  meetingsHeld(of: { orgId: string } | { unitId: string }, from: string, to: string): HeldPerKind[] {
    const rows = this.meetings(of, from, to);
    return MEETING_KINDS.map((kind) => {
      const meetings = rows.filter((m) => m.kind === kind).map(({ kind: _kind, ...fact }) => fact);
      return { kind, held: meetings.filter((m) => m.counts).length, meetings };
    });
  }

  /**
   * B1–B7 for an organisation's year, period by period, as of `today`: met, missing, due, not owed… with
   * the meetings that met each. Empty when the organisation is unknown.
   */
  obligationsOf(orgId: string, year: number, today: string): PeriodFact[] {
    const grid = monthGrid(this.db, orgId, year, today);
    if (!grid) return [];
    const meetings = this.meetings({ orgId }, `${year}-01-01`, `${year}-12-31`);
    return grid.rows.flatMap((row) =>
      row.periods.map((p) => ({
        code: row.code,
        kind: row.kind,
        period: p.period,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        status: p.status,
        meetings: meetings
          .filter((m) => m.kind === row.kind && m.heldOn >= p.startsOn && m.heldOn <= p.endsOn)
          .map(({ kind: _kind, ...fact }) => fact),
      })),
    );
  }

  /** Typical cases selected for a year's conference, with the unit, organisation and the two events. */
  selectedCases(conferenceYear: number) {
    return statement(
      this.db,
      `SELECT id AS caseId, unit_id AS unitId, org_id AS orgId, title, submitted_on AS submittedOn,
        selected_on AS selectedOn, submitted_event_id AS submittedEventId, selected_event_id AS selectedEventId
       FROM orglife_typical_cases WHERE status = 'selected' AND conference_year = ? ORDER BY submitted_on, id`,
    ).all(conferenceYear) as {
      caseId: string;
      unitId: string;
      orgId: string;
      title: string;
      submittedOn: string;
      selectedOn: string;
      submittedEventId: string;
      selectedEventId: string;
    }[];
  }

  private meetings(of: { orgId: string } | { unitId: string }, from: string, to: string) {
    const byOrg = 'orgId' in of;
    const rows = statement(
      this.db,
      `SELECT m.id AS meetingId, m.event_id AS eventId, m.held_on AS heldOn, m.org_id AS orgId, m.kind, m.counts
       FROM orglife_meetings m WHERE m.held_on BETWEEN ? AND ? AND ${
         byOrg ? 'm.org_id = ?' : 'm.id IN (SELECT meeting_id FROM orglife_meeting_units WHERE unit_id = ?)'
       } ORDER BY m.held_on, m.id`,
    ).all(from, to, byOrg ? of.orgId : of.unitId) as (Omit<MeetingFact, 'counts'> & {
      kind: MeetingKind;
      counts: number;
    })[];
    return rows.map((row) => ({ ...row, counts: row.counts === 1 }));
  }
}
