import { Inject, Injectable } from '@nestjs/common';
import { statement, type ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';

/** Sign-in attempts one address may make per minute, whatever the usernames. */
export const ATTEMPTS_PER_MINUTE = 30;

/** After this many wrong passwords in a row from one address, the account waits there before trying again. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Lockout against password guessing, per account AND client address: five wrong passwords for
 * `lisi` from one address lock `lisi` at that address only, so someone elsewhere guessing (or
 * merely trying to lock a secretary out) cannot keep the real user from signing in at their own
 * desk. Guessing across many addresses is slowed by the per-address rate limit below and by the
 * cost of argon2id. The address is Express's `request.ip`, which honours `TRUST_PROXY`: behind a
 * reverse proxy, configure it, or every client shares the proxy's address.
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
    // The earlier table counted per username only (anyone could lock an account); its state is disposable.
    db.exec(`DROP TABLE IF EXISTS login_failures;
      CREATE TABLE IF NOT EXISTS login_failures_by_address (
        username TEXT NOT NULL, address TEXT NOT NULL, failures INTEGER NOT NULL,
        locked_until INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (username, address))`);
  }

  /** Seconds left before `username` may try again from `address`; 0 when it may now. */
  retryAfter(username: string, address: string): number {
    const row = statement(
      this.db,
      'SELECT locked_until AS lockedUntil FROM login_failures_by_address WHERE username = ? AND address = ?',
    ).get(username, address) as { lockedUntil: number } | undefined;
    return Math.max(0, Math.ceil(((row?.lockedUntil ?? 0) - this.clock.now().getTime()) / 1000));
  }

  recordFailure(username: string, address: string): void {
    const now = this.clock.now().getTime();
    statement(
      this.db,
      `INSERT INTO login_failures_by_address (username, address, failures) VALUES (?, ?, 1)
       ON CONFLICT (username, address) DO UPDATE SET failures = failures + 1`,
    ).run(username, address);
    statement(
      this.db,
      `UPDATE login_failures_by_address SET locked_until = ?, failures = 0
       WHERE username = ? AND address = ? AND failures >= ?`,
    ).run(now + LOCK_MINUTES * 60_000, username, address, MAX_FAILURES);
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

  /** A right password clears the failures counted at that address (those elsewhere are not the user's). */
  recordSuccess(username: string, address: string): void {
    statement(this.db, 'DELETE FROM login_failures_by_address WHERE username = ? AND address = ?').run(
      username,
      address,
    );
  }
}
