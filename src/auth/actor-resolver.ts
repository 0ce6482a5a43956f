import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { ActorResolver } from '../core/http/access.js';
import type { Actor } from '../core/http/request-context.js';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { can, ROLE_MATRIX, SCOPED_ROLES, type Action, type Permissions, type Role } from '../core/roles.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { getTokenGeneration, getTokenHolder, type UserRow } from './projections/users.projection.js';

interface TokenClaims {
  sub: string;
  jti: string;
  exp: number;
  /** The user's token generation when the token was issued; tokens from before it existed count as 0. */
  gen?: number;
}

/**
 * Signs access tokens and turns them back into actors. The user's status, roles and token
 * generation are read from the users read model on every request, so disabling a user or revoking a
 * role takes effect at once, and a disable (or an administrator's password reset) ends every token
 * issued before it for good, also after the user is enabled again; logout adds the token's id to a
 * denylist until it would have expired anyway.
 */
@Injectable()
export class TokenActorResolver implements ActorResolver {
  constructor(
    private readonly jwt: JwtService,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    /** The matrix merged from every feature's permissions (src/features.ts). */
    @Inject(ROLE_MATRIX) private readonly matrix: Permissions,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS revoked_tokens (jti TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)');
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: string }> {
    // Issued and checked by the same injected clock (tests move it), so expiry is measured consistently.
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const gen = getTokenGeneration(this.db, userId);
    const token = await this.jwt.signAsync({ sub: userId, jti: randomUUID(), iat, gen });
    const { exp } = this.jwt.decode<TokenClaims>(token);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  async resolve(token: string): Promise<Actor | null> {
    const claims = await this.verify(token);
    if (!claims) return null;
    const holder = getTokenHolder(this.db, claims.sub, claims.jti);
    if (!holder || holder.revoked || holder.user.status !== 'active') return null;
    if ((claims.gen ?? 0) !== holder.generation) return null;
    return actorOf(holder.user);
  }

  async revoke(token: string): Promise<void> {
    const claims = await this.verify(token);
    if (!claims) return;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    statement(this.db, 'DELETE FROM revoked_tokens WHERE expires_at < ?').run(now);
    statement(this.db, 'INSERT OR IGNORE INTO revoked_tokens (jti, expires_at) VALUES (?, ?)').run(
      claims.jti,
      claims.exp,
    );
  }

  can(actor: Actor, resource: string, action: string): boolean {
    return can(this.matrix, actor.roles, resource, action as Action);
  }

  private async verify(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      return typeof claims.sub === 'string' && typeof claims.jti === 'string' ? claims : null;
    } catch {
      return null;
    }
  }
}

export const actorOf = (user: UserRow): Actor => ({
  id: user.id,
  roles: user.roles.map((r) => r.role),
  unrestricted: user.roles.some((r) => !SCOPED_ROLES.includes(r.role as Role)),
  orgIds: [...new Set(user.roles.flatMap((r) => r.orgIds))],
  unitIds: [...new Set(user.roles.flatMap((r) => r.unitIds))],
});
