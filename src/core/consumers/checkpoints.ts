import { statement, type ReadModelDb } from '../projections/projection.js';
import { noteCheckpoint, type GroupMember } from './consumer-group.js';

export interface StoredCheckpoint {
  position: bigint;
  version: number;
}

/**
 * Where each consumer of one kind got to in the log, in a table of the read-model file. A consumer's
 * checkpoint moves in the same transaction as its rows (projections), or right after its jobs were
 * queued (policies); the version tells the runner when a consumer changed and must start over.
 */
export class CheckpointTable {
  constructor(
    private readonly db: ReadModelDb,
    private readonly table: 'projection_checkpoints' | 'policy_checkpoints',
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      name TEXT PRIMARY KEY, position TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
  }

  read(name: string): StoredCheckpoint | undefined {
    const row = statement(this.db, `SELECT position, version FROM ${this.table} WHERE name = ?`).get(name) as
      { position: string; version: number } | undefined;
    return row && { position: BigInt(row.position), version: row.version };
  }

  /** Every consumer's position, in one read (a batch checks them all). */
  readAll(): Map<string, bigint> {
    const rows = statement(this.db, `SELECT name, position FROM ${this.table}`).all() as {
      name: string;
      position: string;
    }[];
    return new Map(rows.map(({ name, position }) => [name, BigInt(position)]));
  }

  write(name: string, position: bigint, version: number): void {
    statement(
      this.db,
      `INSERT INTO ${this.table} (name, position, version, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version, updated_at = excluded.updated_at`,
    ).run(name, position.toString(), version, new Date().toISOString());
  }

  /** Writes `member`'s checkpoint at `position` and notes that it did (see {@link checkpointDue}). */
  advance(member: GroupMember, position: bigint, now = Date.now()): void {
    this.write(member.name, position, member.version);
    noteCheckpoint(member, position, now);
  }
}
