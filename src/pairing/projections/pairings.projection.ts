import { nameKey } from '../../core/http/validation.js';
import type { RecordedEvent } from '../../core/messages.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import type { AdmissionApproved } from '../../development/development.events.js';
import type {
  MemberEnrolled,
  MemberTransferred,
  UnitRegistered,
  UnitRenamed,
} from '../../organizations/organizations.events.js';
import { DEFAULT_NORMS } from '../pairing.js';
import { PAIRING_EVENT_TYPES, type PairingEvent, type PairingNormsDefined } from '../pairing.events.js';

/**
 * The evidence feature's events as this read model needs them (ISSUE12 contract): read by type, with a local
 * shape, so pairing does not depend on that feature having landed. Only year-end summaries filed against a
 * pairing matter here (C2).
 */
interface EvidenceFiled {
  type: 'EvidenceFiled';
  data: { evidenceId: string; subject: { feature: string; kind: string; id: string }; year: number; category: string };
}
interface EvidenceWithdrawn {
  type: 'EvidenceWithdrawn';
  data: { evidenceId: string };
}
export const YEAR_END_SUMMARY = 'year-end-summary';

type Other = UnitRegistered | UnitRenamed | MemberEnrolled | MemberTransferred | AdmissionApproved;
type Handled = PairingEvent | PairingNormsDefined | Other | EvidenceFiled | EvidenceWithdrawn;

/** Which line of the work an activity-log entry belongs to. */
export type PairingLine = 'term' | 'teaching' | 'support' | 'party-building' | 'norms';

const OTHER_TYPES = [
  'UnitRegistered',
  'UnitRenamed',
  'MemberEnrolled',
  'MemberTransferred',
  'AdmissionApproved',
  'EvidenceFiled',
  'EvidenceWithdrawn',
];

const TABLES = [
  'pairing_pairings',
  'pairing_units',
  'pairing_members',
  'pairing_admissions',
  'pairing_activities',
  'pairing_teachers',
  'pairing_pairs',
  'pairing_norm_status',
  'pairing_norm_list',
  'pairing_summary_due',
  'pairing_summaries',
];

const run = (db: ReadModelDb, sql: string, ...params: unknown[]) => statement(db, sql).run(...params);

/** The years whose 30 November falls within the term: each one's written summary is due then (C2). */
const summaryYears = (startOn: string, lastDay: string) => {
  const years: number[] = [];
  for (let year = Number(startOn.slice(0, 4)); year <= Number(lastDay.slice(0, 4)); year++) {
    const due = `${year}-11-30`;
    if (due >= startOn && due <= lastDay) years.push(year);
  }
  return years;
};

const planSummaries = (db: ReadModelDb, pairingId: string) => {
  const row = statement(db, 'SELECT start_on, ends_on, ended_on FROM pairing_pairings WHERE id = ?').get(pairingId) as
    { start_on: string; ends_on: string; ended_on: string | null } | undefined;
  if (!row) return;
  run(db, 'DELETE FROM pairing_summary_due WHERE pairing_id = ?', pairingId);
  for (const year of summaryYears(row.start_on, row.ended_on ?? row.ends_on))
    run(db, 'INSERT INTO pairing_summary_due VALUES (?, ?, ?)', pairingId, year, `${year}-11-30`);
};

const logActivity = (
  db: ReadModelDb,
  recorded: RecordedEvent,
  entry: { pairingId: string; line: PairingLine; kind: string; on: string; title: string | null; detail: unknown },
) =>
  run(
    db,
    'INSERT OR REPLACE INTO pairing_activities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    recorded.id,
    Number(recorded.position),
    entry.pairingId,
    recorded.type,
    entry.line,
    entry.kind,
    entry.on,
    entry.title,
    JSON.stringify(entry.detail ?? null),
  );

/** Facts of other features this read model keeps its own copy of (names, types, members' schools, admissions). */
const keepOther = (db: ReadModelDb, recorded: RecordedEvent, event: Handled) => {
  switch (event.type) {
    case 'UnitRegistered':
      return run(
        db,
        'INSERT OR REPLACE INTO pairing_units VALUES (?, ?, ?, ?)',
        event.data.unitId,
        event.data.name,
        sortKey(event.data.name),
        event.data.type,
      );
    case 'UnitRenamed':
      return run(
        db,
        'UPDATE pairing_units SET name = ?, name_key = ? WHERE id = ?',
        event.data.name,
        sortKey(event.data.name),
        event.data.unitId,
      );
    case 'MemberEnrolled':
      return run(
        db,
        'INSERT OR REPLACE INTO pairing_members VALUES (?, ?, ?)',
        event.data.memberId,
        event.data.unitId,
        event.data.name,
      );
    case 'MemberTransferred':
      return run(db, 'UPDATE pairing_members SET unit_id = ? WHERE id = ?', event.data.toUnitId, event.data.memberId);
    case 'AdmissionApproved': {
      // Developed (admitted) in the unit the case was in at the approval, dated by the entry date (入党时间).
      const unitId = recorded.metadata.unitIds[0];
      if (unitId)
        run(
          db,
          'INSERT OR IGNORE INTO pairing_admissions VALUES (?, ?, ?, ?)',
          recorded.id,
          event.data.personId,
          unitId,
          event.data.probationStart,
        );
      return;
    }
    case 'EvidenceFiled': {
      const { evidenceId, subject, year, category } = event.data;
      if (category === YEAR_END_SUMMARY && subject?.feature === 'pairing')
        run(
          db,
          'INSERT OR REPLACE INTO pairing_summaries VALUES (?, ?, ?, 0, ?, ?)',
          evidenceId,
          subject.id,
          year,
          recorded.id,
          recorded.metadata.occurredAt.slice(0, 10),
        );
      return;
    }
    case 'EvidenceWithdrawn':
      return run(db, 'UPDATE pairing_summaries SET withdrawn = 1 WHERE evidence_id = ?', event.data.evidenceId);
  }
};

const keepPairing = (db: ReadModelDb, recorded: RecordedEvent, event: PairingEvent | PairingNormsDefined) => {
  switch (event.type) {
    case 'PairingFormed': {
      const d = event.data;
      run(
        db,
        `INSERT OR REPLACE INTO pairing_pairings VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'active', ?)`,
        d.pairingId,
        d.name,
        sortKey(d.name),
        d.helperUnitId,
        d.helperOrgId,
        JSON.stringify(d.helpedUnitIds),
        d.startOn,
        d.endsOn,
        recorded.revision,
      );
      planSummaries(db, d.pairingId);
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'term',
        kind: 'formed',
        on: d.startOn,
        title: d.name,
        detail: { endsOn: d.endsOn },
      });
    }
    case 'PairingTermExtended':
      run(
        db,
        'UPDATE pairing_pairings SET ends_on = ?, revision = ? WHERE id = ?',
        event.data.endsOn,
        recorded.revision,
        event.data.pairingId,
      );
      planSummaries(db, event.data.pairingId);
      return logActivity(db, recorded, {
        pairingId: event.data.pairingId,
        line: 'term',
        kind: 'extended',
        on: recorded.metadata.occurredAt.slice(0, 10),
        title: event.data.reason,
        detail: { endsOn: event.data.endsOn },
      });
    case 'PairingEnded':
      run(
        db,
        `UPDATE pairing_pairings SET ended_on = ?, status = 'ended', revision = ? WHERE id = ?`,
        event.data.on,
        recorded.revision,
        event.data.pairingId,
      );
      planSummaries(db, event.data.pairingId);
      return logActivity(db, recorded, {
        pairingId: event.data.pairingId,
        line: 'term',
        kind: 'ended',
        on: event.data.on,
        title: event.data.reason,
        detail: null,
      });
    case 'TeachingActivityLogged': {
      const d = event.data;
      for (const teacher of d.teachersTrained)
        run(
          db,
          'INSERT OR IGNORE INTO pairing_teachers VALUES (?, ?, ?, ?, ?)',
          d.pairingId,
          nameKey(teacher),
          teacher,
          d.on,
          recorded.id,
        );
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'teaching',
        kind: d.kind,
        on: d.on,
        title: d.title,
        detail: { note: d.note, teachersTrained: d.teachersTrained },
      });
    }
    case 'SupportPairFormed': {
      const d = event.data;
      run(
        db,
        'INSERT OR REPLACE INTO pairing_pairs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
        d.pairId,
        d.pairingId,
        d.memberId,
        d.teacherName,
        d.student,
        d.situation,
        d.helpedUnitId,
        d.on,
        recorded.id,
      );
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'support',
        kind: 'pair-formed',
        on: d.on,
        title: `${d.teacherName} — ${d.student}`,
        detail: { pairId: d.pairId, memberId: d.memberId, student: d.student, situation: d.situation },
      });
    }
    case 'SupportGiven': {
      const d = event.data;
      const pair = statement(db, 'SELECT teacher_name, student FROM pairing_pairs WHERE pair_id = ?').get(d.pairId) as
        { teacher_name: string; student: string } | undefined;
      run(db, 'UPDATE pairing_pairs SET support_count = support_count + 1 WHERE pair_id = ?', d.pairId);
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'support',
        kind: d.kind,
        on: d.on,
        title: pair ? `${pair.teacher_name} — ${pair.student}` : null,
        detail: { pairId: d.pairId, note: d.note },
      });
    }
    case 'PartyBuildingActivityLogged': {
      const d = event.data;
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'party-building',
        kind: d.kind,
        on: d.on,
        title: d.title,
        detail: { note: d.note },
      });
    }
    case 'NormAssessed': {
      const d = event.data;
      run(
        db,
        'INSERT OR REPLACE INTO pairing_norm_status VALUES (?, ?, ?, ?, ?, ?)',
        d.pairingId,
        d.normKey,
        d.met ? 1 : 0,
        d.on,
        d.note,
        recorded.id,
      );
      return logActivity(db, recorded, {
        pairingId: d.pairingId,
        line: 'norms',
        kind: d.met ? 'met' : 'not-met',
        on: d.on,
        title: d.normKey,
        detail: { normKey: d.normKey, note: d.note },
      });
    }
    case 'PairingNormsDefined':
      return setNormList(db, event.data.norms);
  }
};

const setNormList = (db: ReadModelDb, norms: { key: string; zh: string; en: string }[]) => {
  run(db, 'DELETE FROM pairing_norm_list');
  norms.forEach((norm, position) =>
    run(db, 'INSERT INTO pairing_norm_list VALUES (?, ?, ?, ?)', norm.key, position, norm.zh, norm.en),
  );
};

/**
 * Pairing communities and everything counted for them: the activity log of the three lines, the backbone
 * teachers trained (each name once per pairing, at its first training), the one-to-one pairs, the latest
 * judgement of each norm, the year-end summaries due and filed (C2), and this read model's own copies of
 * the units' names and types, the members' schools and the admissions per unit (development's
 * AdmissionApproved: new members are counted from those, never typed in).
 */
export const pairingsProjection: Projection = {
  name: 'pairing_pairings',
  version: 1,
  handles: [...PAIRING_EVENT_TYPES, ...OTHER_TYPES],
  tables: TABLES,
  init: (db) => {
    db.exec(`
    CREATE TABLE IF NOT EXISTS pairing_pairings (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL,
      helper_unit_id TEXT NOT NULL, helper_org_id TEXT, helped_unit_ids TEXT NOT NULL, start_on TEXT NOT NULL,
      ends_on TEXT NOT NULL, ended_on TEXT, status TEXT NOT NULL, revision INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS pairing_units (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL, type TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS pairing_members (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, name TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS pairing_admissions (event_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,
      unit_id TEXT NOT NULL, on_date TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS pairing_admissions_unit ON pairing_admissions (unit_id, on_date);
    CREATE TABLE IF NOT EXISTS pairing_activities (event_id TEXT PRIMARY KEY, position INTEGER NOT NULL,
      pairing_id TEXT NOT NULL, type TEXT NOT NULL, line TEXT NOT NULL, kind TEXT NOT NULL, on_date TEXT NOT NULL,
      title TEXT, detail TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS pairing_activities_pairing ON pairing_activities (pairing_id, on_date);
    CREATE TABLE IF NOT EXISTS pairing_teachers (pairing_id TEXT NOT NULL, name_key TEXT NOT NULL, name TEXT NOT NULL,
      on_date TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (pairing_id, name_key));
    CREATE TABLE IF NOT EXISTS pairing_pairs (pair_id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, member_id TEXT NOT NULL,
      teacher_name TEXT NOT NULL, student TEXT NOT NULL, situation TEXT NOT NULL, helped_unit_id TEXT NOT NULL,
      on_date TEXT NOT NULL, event_id TEXT NOT NULL, support_count INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS pairing_norm_status (pairing_id TEXT NOT NULL, norm_key TEXT NOT NULL, met INTEGER NOT NULL,
      on_date TEXT NOT NULL, note TEXT, event_id TEXT NOT NULL, PRIMARY KEY (pairing_id, norm_key));
    CREATE TABLE IF NOT EXISTS pairing_norm_list (key TEXT PRIMARY KEY, position INTEGER NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS pairing_summary_due (pairing_id TEXT NOT NULL, year INTEGER NOT NULL, due_on TEXT NOT NULL,
      PRIMARY KEY (pairing_id, year));
    CREATE TABLE IF NOT EXISTS pairing_summaries (evidence_id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, year INTEGER NOT NULL,
      withdrawn INTEGER NOT NULL, event_id TEXT NOT NULL, filed_on TEXT NOT NULL)`);
    // Until the bureau sets its own list, the default items count (replaced by PairingNormsDefined).
    if (!statement(db, 'SELECT 1 FROM pairing_norm_list LIMIT 1').get()) setNormList(db, DEFAULT_NORMS);
  },
  evolve: (db, recorded) => {
    const event = recorded as unknown as Handled;
    if (OTHER_TYPES.includes(event.type)) keepOther(db, recorded, event);
    else {
      keepPairing(db, recorded, event as PairingEvent | PairingNormsDefined);
      // The stream's revision, for an edit form's expectedRevision: every event of the pairing moves it.
      const pairingId = (event.data as { pairingId?: string }).pairingId;
      if (pairingId) run(db, 'UPDATE pairing_pairings SET revision = ? WHERE id = ?', recorded.revision, pairingId);
    }
  },
};
