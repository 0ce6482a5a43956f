import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';

/** Sign-in attempts one address may make per minute, whatever the usernames. */
export const ATTEMPTS_PER_MINUTE = 30;

/** After this many wrong passwords in a row, the account waits before it may try again. */
export const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/**
 * Per-username lockout against password guessing (the per-address rate limit is the throttler's).
 * Kept beside the read models: it is operational state, not a fact of the domain.
 */
@Injectable()
export class LoginLockout {
  private window = 0;
  private readonly attempts = new Map<string, number>();

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS login_failures (
      username TEXT PRIMARY KEY, failures INTEGER NOT NULL, locked_until INTEGER NOT NULL DEFAULT 0)`);
  }

  /** Seconds left before `username` may try again; 0 when it may now. */
  retryAfter(username: string): number {
    const row = statement(this.db, 'SELECT locked_until AS lockedUntil FROM login_failures WHERE username = ?').get(
      username,
    ) as { lockedUntil: number } | undefined;
    return Math.max(0, Math.ceil(((row?.lockedUntil ?? 0) - this.clock.now().getTime()) / 1000));
  }

  recordFailure(username: string): void {
    const now = this.clock.now().getTime();
    statement(
      this.db,
      `INSERT INTO login_failures (username, failures) VALUES (?, 1)
       ON CONFLICT (username) DO UPDATE SET failures = failures + 1`,
    ).run(username);
    statement(
      this.db,
      'UPDATE login_failures SET locked_until = ?, failures = 0 WHERE username = ? AND failures >= ?',
    ).run(now + LOCK_MINUTES * 60_000, username, MAX_FAILURES);
  }

  /**
   * Per-address rate limit. @nestjs/throttler 6 is CommonJS and cannot load NestJS 12 (ESM-only)
   * under jest, so this small fixed-window counter stands in for it; it lives in memory, which is
   * enough for a limit measured in minutes.
   */
  allowAttempt(address: string): boolean {
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    if (minute !== this.window) {
      this.window = minute;
      this.attempts.clear();
    }
    const count = (this.attempts.get(address) ?? 0) + 1;
    this.attempts.set(address, count);
    return count <= ATTEMPTS_PER_MINUTE;
  }

  recordSuccess(username: string): void {
    statement(this.db, 'DELETE FROM login_failures WHERE username = ?').run(username);
  }
}
