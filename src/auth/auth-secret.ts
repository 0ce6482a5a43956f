import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config.js';
import { StartupError } from '../core/errors.js';

/**
 * The token signing key: AUTH_SECRET when set; otherwise a random key made at the first start and
 * kept (readable by this user only) in DATA_DIR, so tokens stay valid across restarts.
 * With the in-memory store (tests) a fresh key per process is enough.
 */
export const authSecret = (config: AppConfig): string => {
  if (config.auth.secret) return config.auth.secret;
  if (config.eventStore.kind === 'memory') return randomBytes(32).toString('hex');
  const file = join(config.dataDir, 'auth-secret');
  if (!existsSync(file)) writeAtomically(file, randomBytes(48).toString('hex'));
  const secret = readFileSync(file, 'utf8').trim();
  // An empty or cut-short key would sign tokens anyone can forge: never use one.
  if (secret.length < 32)
    throw new StartupError(
      `${file} holds no usable signing key (${secret.length} characters; at least 32 needed).\n` +
        `令牌签名密钥文件无效。Delete the file to have a new key made (everyone signs in again), or set AUTH_SECRET.`,
    );
  return secret;
};

/**
 * Writes beside the file and renames it into place, so a full disk leaves no file rather than an
 * empty one that a later start would take for the key.
 */
const writeAtomically = (file: string, content: string): void => {
  const draft = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(draft, content, { mode: 0o600 });
    renameSync(draft, file);
  } catch (error) {
    rmSync(draft, { force: true });
    throw error;
  }
};
