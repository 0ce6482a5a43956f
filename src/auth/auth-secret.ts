import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config.js';

/**
 * The token signing key: AUTH_SECRET when set; otherwise a random key made at the first start and
 * kept (readable by this user only) in DATA_DIR, so tokens stay valid across restarts.
 * With the in-memory store (tests) a fresh key per process is enough.
 */
export const authSecret = (config: AppConfig): string => {
  if (config.auth.secret) return config.auth.secret;
  if (config.eventStore.kind === 'memory') return randomBytes(32).toString('hex');
  const file = join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('hex'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
};
