import Database from 'better-sqlite3';
import { createPublicKey } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../event-store/hash-chain.js';
import { keyIdOf, signatureHolds, signText, type AuditKey } from './audit-key.js';

/**
 * A signed checkpoint: the global log's head (position and log hash there) at a time, signed with the
 * audit key. Kept in the store's own file (every one), beside the key (the latest: the anchor), and in
 * files auditors export and hold outside the system; `verify --against <file>` checks that the log still
 * holds exactly what was signed up to its position.
 */
const checkpointSchema = z.object({
  format: z.literal('party-ledger/log-checkpoint'),
  version: z.literal(1),
  /** Position of the last event covered, as a decimal string (positions are 64-bit). */
  position: z.string().regex(/^\d{1,20}$/),
  logHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const signedCheckpointSchema = z.object({
  checkpoint: checkpointSchema,
  /** Ed25519 over the canonical JSON of `checkpoint`, base64. */
  signature: z.string().min(1).max(200),
  /** The signing key's public half (PEM), so an auditor can check the signature with nothing else. */
  publicKey: z.string().min(1).max(1000),
});
export type SignedCheckpoint = z.infer<typeof signedCheckpointSchema>;

export const signCheckpoint = (key: AuditKey, position: bigint, logHash: string, at: Date): SignedCheckpoint => {
  const checkpoint: Checkpoint = {
    format: 'party-ledger/log-checkpoint',
    version: 1,
    position: position.toString(),
    logHash,
    signedAt: at.toISOString(),
    keyId: key.id,
  };
  return { checkpoint, signature: signText(key, canonicalJson(checkpoint)), publicKey: key.publicKeyPem };
};

/**
 * Whether the signature holds, under `trusted` (the installation's key) or else the key the checkpoint
 * carries, and which: a checkpoint signed by another key than the installation's is not taken as proof.
 */
export const checkSignature = (
  signed: SignedCheckpoint,
  trusted: AuditKey | undefined,
): 'valid' | 'invalid' | 'other-key' => {
  const text = canonicalJson(signed.checkpoint);
  if (trusted && signed.checkpoint.keyId === trusted.id)
    return signatureHolds(trusted.publicKey, text, signed.signature) ? 'valid' : 'invalid';
  try {
    const carried = createPublicKey(signed.publicKey);
    if (keyIdOf(carried) !== signed.checkpoint.keyId || !signatureHolds(carried, text, signed.signature))
      return 'invalid';
    return trusted ? 'other-key' : 'valid';
  } catch {
    return 'invalid';
  }
};

/** Parses a checkpoint file (exported, or the anchor); throws an Error naming what is wrong. */
export const parseCheckpointText = (text: string, source: string): SignedCheckpoint => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON`);
  }
  const parsed = signedCheckpointSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${source} is not a signed checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
};

export const readCheckpointFile = (file: string): SignedCheckpoint =>
  parseCheckpointText(readFileSync(file, 'utf8'), file);

/** The anchor (latest checkpoint beside the key), or null when there is none yet. */
export const readAnchor = (file: string): SignedCheckpoint | null => {
  try {
    return readCheckpointFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** Written to a temporary file and renamed, so a crash leaves the previous anchor, never half of one. */
export const writeAnchor = (file: string, signed: SignedCheckpoint): void => {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(signed, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
};

/** Orders positions held as decimal strings. */
const byPosition = (a: SignedCheckpoint, b: SignedCheckpoint) =>
  BigInt(a.checkpoint.position) < BigInt(b.checkpoint.position) ? -1 : 1;

/**
 * Every checkpoint written, in a table of the events' own SQLite file (or of DATA_DIR/integrity.sqlite
 * for the other stores). Deleting them with the tail is what the anchor beside the key catches.
 */
export class CheckpointTable {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS log_checkpoints (
      position  TEXT NOT NULL PRIMARY KEY,
      signed_at TEXT NOT NULL,
      signed    TEXT NOT NULL
    )`);
  }

  save(signed: SignedCheckpoint): void {
    this.db
      .prepare('INSERT OR REPLACE INTO log_checkpoints (position, signed_at, signed) VALUES (?, ?, ?)')
      .run(signed.checkpoint.position, signed.checkpoint.signedAt, JSON.stringify(signed));
  }

  /** Every stored checkpoint, oldest position first; rows that do not parse are returned as problems. */
  all(): { checkpoints: SignedCheckpoint[]; unreadable: string[] } {
    const rows = this.db
      .prepare<[], { position: string; signed: string }>('SELECT position, signed FROM log_checkpoints')
      .all();
    const checkpoints: SignedCheckpoint[] = [];
    const unreadable: string[] = [];
    for (const row of rows) {
      try {
        checkpoints.push(parseCheckpointText(row.signed, `checkpoint ${row.position}`));
      } catch {
        unreadable.push(row.position);
      }
    }
    return { checkpoints: checkpoints.sort(byPosition), unreadable };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export const latestOf = (checkpoints: (SignedCheckpoint | null | undefined)[]): SignedCheckpoint | null =>
  checkpoints
    .filter((c): c is SignedCheckpoint => !!c)
    .sort(byPosition)
    .at(-1) ?? null;
