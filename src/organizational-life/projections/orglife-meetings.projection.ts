import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import type { MeetingKind, OrgLifeMeetingEvent, Quorum } from '../organizational-life.events.js';

/**
 * Every meeting recorded, one row each with its attendance counts and quorum, and the units it concerns
 * (`orglife_meeting_units`): the meetings list, the month grid, the obligations B1–B7 and the read door
 * (organizational-life.facts.ts) all read it.
 */
export const orglifeMeetingsProjection: Projection = {
  name: 'orglife_meetings',
  version: 1,
  handles: ['OrgLifeMeetingRecorded', 'PartyLessonCommented'],
  tables: ['orglife_meetings', 'orglife_meeting_units'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS orglife_meetings (
      id TEXT PRIMARY KEY, org_id TEXT NOT NULL, kind TEXT NOT NULL, held_on TEXT NOT NULL, topic TEXT NOT NULL,
      attendance TEXT NOT NULL, present INTEGER NOT NULL, absent_with_leave INTEGER NOT NULL, absent INTEGER NOT NULL,
      quorum TEXT, counts INTEGER NOT NULL, lecturers TEXT NOT NULL, lesson_group TEXT, comment TEXT, commented_on TEXT,
      event_id TEXT NOT NULL, unit_ids TEXT NOT NULL, revision INTEGER NOT NULL, recorded_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS orglife_meetings_org ON orglife_meetings (org_id, kind, held_on);
    CREATE TABLE IF NOT EXISTS orglife_meeting_units (
      meeting_id TEXT NOT NULL, unit_id TEXT NOT NULL, PRIMARY KEY (unit_id, meeting_id))`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as OrgLifeMeetingEvent;
    if (event.type === 'PartyLessonCommented') {
      statement(db, 'UPDATE orglife_meetings SET comment = ?, commented_on = ?, revision = ? WHERE id = ?').run(
        event.data.comment,
        event.data.on,
        recorded.revision,
        event.data.meetingId,
      );
      return;
    }
    const d = event.data;
    const unitIds = recorded.metadata.unitIds;
    statement(
      db,
      'INSERT OR REPLACE INTO orglife_meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)',
    ).run(
      d.meetingId,
      d.orgId,
      d.kind,
      d.heldOn,
      d.topic,
      JSON.stringify(d.attendance),
      d.attendance.present.length,
      d.attendance.absentWithLeave.length,
      d.attendance.absent.length,
      d.quorum ? JSON.stringify(d.quorum) : null,
      // A general meeting short of its quorum is on record but is not the quarter's meeting.
      d.quorum && !d.quorum.quorate ? 0 : 1,
      JSON.stringify(d.lecturers),
      d.lessonGroup,
      recorded.id,
      JSON.stringify(unitIds),
      recorded.revision,
      recorded.metadata.recordedAt,
    );
    for (const unitId of unitIds)
      statement(db, 'INSERT OR IGNORE INTO orglife_meeting_units VALUES (?, ?)').run(d.meetingId, unitId);
  },
};

export interface MeetingRow {
  id: string;
  orgId: string;
  orgName: string | null;
  kind: MeetingKind;
  heldOn: string;
  topic: string;
  attendance: { present: string[]; absentWithLeave: string[]; absent: string[] };
  presentCount: number;
  absentWithLeaveCount: number;
  absentCount: number;
  quorum: Quorum | null;
  /** Counts towards its period's obligation (a general meeting short of its quorum does not). */
  counts: boolean;
  lecturers: string[];
  lessonGroup: string | null;
  comment: string | null;
  commentedOn: string | null;
  eventId: string;
  unitIds: string[];
  revision: number;
}

const COLUMNS = `m.id, m.org_id AS orgId, b.name AS orgName, m.kind, m.held_on AS heldOn, m.topic, m.attendance,
  m.present AS presentCount, m.absent_with_leave AS absentWithLeaveCount, m.absent AS absentCount, m.quorum,
  m.counts, m.lecturers, m.lesson_group AS lessonGroup, m.comment, m.commented_on AS commentedOn,
  m.event_id AS eventId, m.unit_ids AS unitIds, m.revision`;
const FROM = 'orglife_meetings m LEFT JOIN orglife_branches b ON b.org_id = m.org_id';

type Raw = Omit<MeetingRow, 'attendance' | 'quorum' | 'counts' | 'lecturers' | 'unitIds'> & {
  attendance: string;
  quorum: string | null;
  counts: number;
  lecturers: string;
  unitIds: string;
};

const toRow = (raw: Raw): MeetingRow => ({
  ...raw,
  attendance: JSON.parse(raw.attendance) as MeetingRow['attendance'],
  quorum: raw.quorum ? (JSON.parse(raw.quorum) as Quorum) : null,
  counts: raw.counts === 1,
  lecturers: JSON.parse(raw.lecturers) as string[],
  unitIds: JSON.parse(raw.unitIds) as string[],
});

export const meetingList: ListSpec = {
  id: 'm.id',
  sortable: { heldOn: 'm.held_on', kind: 'm.kind', orgName: 'b.name', topic: 'm.topic' },
  defaultSort: ['heldOn', 'DESC'],
  filters: {
    id: filters.oneOf('m.id'),
    orgId: filters.oneOf('m.org_id'),
    kind: filters.oneOf('m.kind'),
    q: filters.search('m.topic', 'b.name'),
    from: (value) => ({ sql: 'm.held_on >= ?', params: [String(value)] }),
    to: (value) => ({ sql: 'm.held_on <= ?', params: [String(value)] }),
    unitId: (value) => ({
      sql: 'm.id IN (SELECT meeting_id FROM orglife_meeting_units WHERE unit_id = ?)',
      params: [String(value)],
    }),
    counts: (value) => ({ sql: 'm.counts = ?', params: [value === true || value === 'true' ? 1 : 0] }),
  },
};

/**
 * Narrows the list to the meetings a scoped actor answers for: those of its organisations (and the ones
 * under them), and those concerning one of its units (an instructor's).
 */
export const meetingsWithin = (
  query: ListQuery,
  reach: { orgIds: readonly string[]; unitIds: readonly string[] } | null,
) => {
  if (!reach) return query;
  const condition = `(m.org_id IN (SELECT value FROM json_each(?)) OR m.id IN (SELECT meeting_id FROM orglife_meeting_units
    WHERE unit_id IN (SELECT value FROM json_each(?))))`;
  return {
    ...query,
    where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
    params: [...query.params, JSON.stringify(reach.orgIds), JSON.stringify(reach.unitIds)],
  };
};

export const listMeetings = (db: ReadModelDb, query: ListQuery) =>
  listPage<MeetingRow, Raw>(db, { columns: COLUMNS, from: FROM, tieBreak: 'm.id' }, query, toRow);

export const getMeeting = (db: ReadModelDb, id: string): MeetingRow | null => {
  const raw = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE m.id = ?`).get(id) as Raw | undefined;
  return raw ? toRow(raw) : null;
};
