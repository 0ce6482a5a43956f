import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type Projection, type ReadModelDb } from '../../core/projections/projection.js';
import { sortKey } from '../../core/text/sort-key.js';
import type { RoleGrant, UserEvent } from '../auth.events.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
  status: 'active' | 'disabled';
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Users with their roles and password hash: what login and the auth guard read on each request.
 * `token_generation` counts the events that end every session of the user (a disable, an
 * administrator's password reset): a token carries the generation it was issued under and is
 * refused once it moved, so enabling the user again does not bring old tokens back.
 */
export const usersProjection: Projection = {
  name: 'users',
  // 3: display_name_key (lists sort by pinyin) and token_generation (a disable revokes tokens for good).
  version: 3,
  handles: ['UserRegistered', 'RoleGranted', 'RoleRevoked', 'PasswordChanged', 'UserDisabled', 'UserEnabled'],
  tables: ['users'],
  init: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
      roles TEXT NOT NULL, status TEXT NOT NULL, revision INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      display_name_key TEXT NOT NULL, token_generation INTEGER NOT NULL DEFAULT 0)`),
  evolve: (db, recorded) => {
    const event = recorded as unknown as UserEvent;
    const at = recorded.metadata.recordedAt;
    const touch = (sql: string, ...params: unknown[]) =>
      statement(db, `UPDATE users SET ${sql}, revision = ?, updated_at = ? WHERE id = ?`).run(
        ...params,
        recorded.revision,
        at,
        event.data.userId,
      );
    switch (event.type) {
      case 'UserRegistered': {
        const { userId, username, displayName, passwordHash } = event.data;
        statement(db, 'INSERT OR REPLACE INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)').run(
          userId,
          username,
          displayName,
          passwordHash,
          '[]',
          'active',
          recorded.revision,
          at,
          at,
          sortKey(displayName),
        );
        return;
      }
      case 'RoleGranted':
      case 'RoleRevoked': {
        const roles = rolesOf(db, event.data.userId).filter((r) => r.role !== event.data.role);
        if (event.type === 'RoleGranted')
          roles.push({ role: event.data.role, orgIds: event.data.orgIds, unitIds: event.data.unitIds });
        touch('roles = ?', JSON.stringify(roles));
        return;
      }
      case 'PasswordChanged':
        // A reset by an administrator (a forgotten or leaked password) ends every session; the user's own
        // change keeps the session they are changing it from.
        touch(
          `password_hash = ?${event.data.reset ? ', token_generation = token_generation + 1' : ''}`,
          event.data.passwordHash,
        );
        return;
      case 'UserDisabled':
        touch("status = 'disabled', token_generation = token_generation + 1");
        return;
      case 'UserEnabled':
        touch("status = 'active'");
        return;
    }
  },
};

const rolesOf = (db: ReadModelDb, userId: string): RoleGrant[] =>
  JSON.parse(
    (statement(db, 'SELECT roles FROM users WHERE id = ?').get(userId) as { roles: string } | undefined)?.roles ?? '[]',
  );

const COLUMNS = `id, username, display_name AS displayName, roles, status, revision, created_at AS createdAt, updated_at AS updatedAt`;

type RawRow = Omit<UserRow, 'roles'> & { roles: string };
const toRow = (row: RawRow): UserRow => ({ ...row, roles: JSON.parse(row.roles) });

export const userList: ListSpec = {
  id: 'id',
  sortable: {
    username: 'username',
    displayName: 'display_name_key',
    status: 'status',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  defaultSort: ['username', 'ASC'],
  filters: {
    q: filters.search('username', 'display_name'),
    id: filters.oneOf('id'),
    status: filters.equals('status'),
    role: (value) => ({
      sql: `EXISTS (SELECT 1 FROM json_each(users.roles) WHERE json_extract(value, '$.role') = ?)`,
      params: [String(value)],
    }),
  },
};

export const listUsers = (db: ReadModelDb, query: ListQuery): { rows: UserRow[]; total: number } =>
  listPage(db, { columns: COLUMNS, from: 'users', tieBreak: 'id' }, query, toRow);

export const getUser = (db: ReadModelDb, id: string): UserRow | undefined => {
  const row = statement(db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as RawRow | undefined;
  return row && toRow(row);
};

/** The generation a token must carry to be accepted (see usersProjection); 0 for an unknown user. */
export const getTokenGeneration = (db: ReadModelDb, id: string): number =>
  (
    statement(db, 'SELECT token_generation AS generation FROM users WHERE id = ?').get(id) as
      { generation: number } | undefined
  )?.generation ?? 0;

/**
 * What the auth guard checks on every request, in one read instead of three: the token's user, the
 * generation a token must carry, and whether the token's id was revoked at logout (`revoked_tokens`, the
 * token resolver's table). Undefined for an unknown user.
 */
export const getTokenHolder = (
  db: ReadModelDb,
  userId: string,
  jti: string,
): { user: UserRow; generation: number; revoked: boolean } | undefined => {
  const row = statement(
    db,
    `SELECT ${COLUMNS}, token_generation AS generation,
       EXISTS (SELECT 1 FROM revoked_tokens WHERE jti = ?) AS revoked
     FROM users WHERE id = ?`,
  ).get(jti, userId) as (RawRow & { generation: number; revoked: 0 | 1 }) | undefined;
  if (!row) return undefined;
  const { generation, revoked, ...user } = row;
  return { user: toRow(user), generation, revoked: revoked === 1 };
};

/** For login only: the stored hash never leaves the server. */
export const getPasswordHash = (db: ReadModelDb, id: string): string | undefined =>
  (statement(db, 'SELECT password_hash AS hash FROM users WHERE id = ?').get(id) as { hash: string } | undefined)?.hash;

export const countUsers = (db: ReadModelDb): number =>
  (statement(db, 'SELECT count(*) AS n FROM users').get() as { n: number }).n;
