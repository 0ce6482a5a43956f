import type { RecordedEvent } from '../core/messages.js';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { nameKey, type NamedKind, type Reference } from './event-fields.js';

type Data = Record<string, unknown>;
type Naming = Reference & { name: string };
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const naming =
  (kind: NamedKind, idField: string, nameField = 'name') =>
  (d: Data) => [{ kind, id: text(d[idField]), name: text(d[nameField]) }];

/**
 * The events that give something its name, read by the audit itself: its names table is a projection of
 * these events like any other, so the log never reads another feature's tables and rebuilds on its own.
 */
const NAMING: Record<string, (data: Data) => Naming[]> = {
  UserRegistered: naming('user', 'userId', 'displayName'),
  UnitRegistered: naming('unit', 'unitId'),
  UnitRenamed: naming('unit', 'unitId'),
  PartyOrganizationFounded: naming('organization', 'orgId'),
  MemberEnrolled: naming('member', 'memberId'),
  ApplicationSubmitted: naming('person', 'personId'),
  PairingFormed: naming('pairing', 'pairingId'),
  OrgLifeMeetingRecorded: naming('meeting', 'meetingId', 'topic'),
  TypicalCaseSubmitted: naming('typicalCase', 'caseId', 'title'),
  EvidenceFiled: naming('evidence', 'evidenceId'),
};

export const NAMES_TABLE = 'activity_names';

export const initNames = (db: ReadModelDb) =>
  db.exec(`CREATE TABLE IF NOT EXISTS ${NAMES_TABLE} (
    kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (kind, id))`);

/** Keeps the latest name of whatever the event names. */
export const keepNames = (db: ReadModelDb, event: RecordedEvent) => {
  for (const named of NAMING[event.type]?.(event.data as Data) ?? [])
    if (named.id && named.name)
      statement(db, `INSERT OR REPLACE INTO ${NAMES_TABLE} VALUES (?, ?, ?)`).run(named.kind, named.id, named.name);
};

/** The current names of `refs` the log knows, by `nameKey` (a reference it cannot name is left out). */
export const namesOf = (db: ReadModelDb, refs: Reference[]): Record<string, string> => {
  const unique = [...new Map(refs.map((ref) => [nameKey(ref), ref])).values()];
  const names: Record<string, string> = {};
  // A page's references in a few queries, each well under SQLite's parameter limit.
  for (let start = 0; start < unique.length; start += 200) {
    const chunk = unique.slice(start, start + 200);
    const rows = db
      .prepare(
        `SELECT kind, id, name FROM ${NAMES_TABLE} WHERE ${chunk.map(() => '(kind = ? AND id = ?)').join(' OR ')}`,
      )
      .all(...chunk.flatMap((ref) => [ref.kind, ref.id])) as Naming[];
    for (const row of rows) names[nameKey(row)] = row.name;
  }
  return names;
};
