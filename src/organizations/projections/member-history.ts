import type { RecordedEvent } from '../../core/messages.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { MemberEvent } from '../organizations.events.js';

/** Before any known date: a member enrolled without a joining date has been one for as long as we know. */
const ALWAYS = '0000-01-01';

/**
 * Part of the members read model (members.projection.ts): each member's organisation, category and status
 * with the business date each took effect, one row per change and attribute, so the roster can be read as
 * of a day (who was entitled to vote at a branch meeting): a backdated transfer recorded after a later
 * category change still counts on its own date. Enrolment takes effect on the joining date when known (a
 * probationary member admitted by a meeting), otherwise from always: the roster does not say since when a
 * member belongs to their branch.
 */
export const MEMBER_HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS member_history (
    member_id TEXT NOT NULL, attribute TEXT NOT NULL, value TEXT NOT NULL, valid_from TEXT NOT NULL,
    position INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS member_history_member ON member_history (member_id, attribute, valid_from)`;
export const MEMBER_HISTORY_INDEX =
  'CREATE INDEX IF NOT EXISTS member_history_value ON member_history (attribute, value)';

export const recordMemberHistory = (db: ReadModelDb, recorded: RecordedEvent): void => {
  const event = recorded as unknown as MemberEvent;
  const change = (attribute: 'org' | 'category' | 'status', value: string, from: string) =>
    statement(db, 'INSERT INTO member_history VALUES (?, ?, ?, ?, ?)').run(
      event.data.memberId,
      attribute,
      value,
      from,
      recorded.position,
    );
  switch (event.type) {
    case 'MemberEnrolled': {
      const from = event.data.joinedOn ?? ALWAYS;
      change('org', event.data.orgId, from);
      change('category', event.data.category, from);
      change('status', 'active', from);
      return;
    }
    case 'MemberTransferred':
      change('org', event.data.toOrgId, event.data.on);
      return;
    case 'MemberCategoryChanged':
      change('category', event.data.category, event.data.on);
      return;
    case 'MemberRemoved':
      change('status', 'removed', event.data.on);
      return;
  }
};

const valueOn = (attribute: string) =>
  `(SELECT h.value FROM member_history h WHERE h.member_id = m.member_id AND h.attribute = '${attribute}'
     AND h.valid_from <= ? ORDER BY h.valid_from DESC, h.position DESC LIMIT 1)`;

/** Active members of the organisation on the day, by category (full, probationary). */
export const rosterOn = (db: ReadModelDb, orgId: string, on: string): { full: number; probationary: number } => {
  const rows = statement(
    db,
    `SELECT category, count(*) AS n FROM (
       SELECT ${valueOn('org')} AS org, ${valueOn('category')} AS category, ${valueOn('status')} AS status
       FROM (SELECT DISTINCT member_id FROM member_history WHERE attribute = 'org' AND value = ?) m)
     WHERE org = ? AND status = 'active' GROUP BY category`,
  ).all(on, on, on, orgId, orgId) as { category: string; n: number }[];
  const count = (category: string) => rows.find((row) => row.category === category)?.n ?? 0;
  return { full: count('full'), probationary: count('probationary') };
};

/** Active members of the organisation on the day, each with their category that day. */
export const membersOn = (
  db: ReadModelDb,
  orgId: string,
  on: string,
): { id: string; category: 'full' | 'probationary' }[] =>
  statement(
    db,
    `SELECT member_id AS id, category FROM (
       SELECT m.member_id, ${valueOn('org')} AS org, ${valueOn('category')} AS category, ${valueOn('status')} AS status
       FROM (SELECT DISTINCT member_id FROM member_history WHERE attribute = 'org' AND value = ?) m)
     WHERE org = ? AND status = 'active' ORDER BY member_id`,
  ).all(on, on, on, orgId, orgId) as { id: string; category: 'full' | 'probationary' }[];
