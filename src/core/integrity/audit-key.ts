import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogKey } from '../event-store/hash-chain.js';

/**
 * The audit key: an Ed25519 key pair kept in one PEM file apart from the data (AUDIT_KEY_FILE, by default
 * `keys/audit-ed25519.pem` beside DATA_DIR, never inside it), so that a copy of the data folder, or a person
 * who can write it, does not hold it. It signs the log's checkpoints, and a secret derived from it keys the
 * global log's chain (see logLink in hash-chain.ts).
 */
export interface AuditKey {
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key in checkpoints. */
  id: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** The global log chain's HMAC key, derived from the private key (HKDF-SHA256). */
  logKey: LogKey;
  file: string;
  /** Whether this start created the file. */
  created: boolean;
}

/** The key, or why the app runs without one (it still starts: auditors must be able to look). */
export type AuditKeyState = { key: AuditKey; problem?: undefined } | { key?: undefined; problem: string };

export const AUDIT_KEY = Symbol('AUDIT_KEY');

export const keyIdOf = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

const fromPrivateKey = (privateKey: KeyObject, file: string, created: boolean): AuditKey => {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} does not hold an Ed25519 private key`);
  const publicKey = createPublicKey(privateKey);
  const id = keyIdOf(publicKey);
  const secret = Buffer.from(
    hkdfSync(
      'sha256',
      privateKey.export({ type: 'pkcs8', format: 'der' }),
      Buffer.alloc(0),
      'party-ledger global log chain v1',
      32,
    ),
  );
  return {
    id,
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    logKey: { id, secret },
    file,
    created,
  };
};

/**
 * Reads the key file, or creates it (mode 0600, in a folder of mode 0700) when absent. Two processes
 * starting at once cannot both create it: the file is written with `wx`, and the loser reads the winner's.
 */
export const loadOrCreateAuditKey = (file: string): AuditKey => {
  try {
    return fromPrivateKey(createPrivateKey(readFileSync(file)), file, false);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600); // whatever the umask
    return fromPrivateKey(privateKey, file, true);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fromPrivateKey(createPrivateKey(readFileSync(file)), file, false);
  }
};

/** As loadOrCreateAuditKey, but a key that cannot be read or made is a reason, not a failed start. */
export const auditKeyState = (file: string): AuditKeyState => {
  try {
    return { key: loadOrCreateAuditKey(file) };
  } catch (error) {
    return {
      problem: `The audit key ${file} cannot be read or created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
};

export const signText = (key: AuditKey, text: string): string =>
  sign(null, Buffer.from(text), key.privateKey).toString('base64');

export const signatureHolds = (publicKey: KeyObject, text: string, signature: string): boolean => {
  try {
    return verify(null, Buffer.from(text), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
};
