import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import type { Role } from '../core/roles.js';
import type { RoleGrant } from './auth.events.js';

/** An active user as other features may know them: no password hash, no token state. */
export interface UserFact {
  userId: string;
  username: string;
  displayName: string;
  roles: RoleGrant[];
}

/**
 * The users' read door (issue 14): whom to remind. Reads the `users` read model only; disabled users are
 * never returned. A feature provides it where it needs it (it holds no state beyond the read-model file).
 */
@Injectable()
export class AuthFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /**
   * Active users holding one of `roles`; with `scope`, only those whose grant of that role names the
   * organisation or the unit (a secretary of the branch, an instructor dispatched to the unit).
   */
  usersWithRole(roles: readonly Role[], scope?: { orgId: string | null; unitId: string | null }): UserFact[] {
    const rows = statement(
      this.db,
      `SELECT DISTINCT u.id AS userId, u.username, u.display_name AS displayName, u.roles
       FROM users u, json_each(u.roles) g
       WHERE u.status = 'active' AND json_extract(g.value, '$.role') IN (SELECT value FROM json_each(?))
       ORDER BY u.username`,
    ).all(JSON.stringify(roles)) as { userId: string; username: string; displayName: string; roles: string }[];
    return rows
      .map((row) => ({ ...row, roles: JSON.parse(row.roles) as RoleGrant[] }))
      .filter(
        (user) =>
          !scope ||
          user.roles.some(
            (grant) =>
              roles.includes(grant.role) &&
              ((scope.orgId !== null && grant.orgIds.includes(scope.orgId)) ||
                (scope.unitId !== null && grant.unitIds.includes(scope.unitId))),
          ),
      );
  }

  /** One active user, or undefined. */
  user(userId: string): UserFact | undefined {
    const row = statement(
      this.db,
      `SELECT id AS userId, username, display_name AS displayName, roles FROM users WHERE id = ? AND status = 'active'`,
    ).get(userId) as { userId: string; username: string; displayName: string; roles: string } | undefined;
    return row && { ...row, roles: JSON.parse(row.roles) as RoleGrant[] };
  }
}
