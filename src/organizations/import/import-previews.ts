import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import type { ImportCheck } from './roster-import.js';

export interface StoredPreview extends ImportCheck {
  actorId: string;
}

/**
 * Checked roster files waiting for their confirm, kept in the read-model file (not in the memory of the
 * process that checked them), so a confirm works after a restart and on any app instance sharing the
 * file. Each expires after `ttlMs`; rebuilds leave the table alone (it belongs to no projection).
 */
export class ImportPreviews {
  constructor(
    private readonly db: ReadModelDb,
    private readonly ttlMs: number,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS import_previews (
      token TEXT PRIMARY KEY, actor_id TEXT NOT NULL, checked TEXT NOT NULL, expires_at INTEGER NOT NULL)`);
  }

  save(token: string, preview: StoredPreview, now: Date): void {
    statement(this.db, 'DELETE FROM import_previews WHERE expires_at < ?').run(now.getTime());
    const { actorId, ...check } = preview;
    statement(this.db, 'INSERT INTO import_previews (token, actor_id, checked, expires_at) VALUES (?, ?, ?, ?)').run(
      token,
      actorId,
      JSON.stringify(check),
      now.getTime() + this.ttlMs,
    );
  }

  /** The preview `token` names, if it is still there and was made by `actorId`. */
  find(token: string, actorId: string, now: Date): StoredPreview | undefined {
    const row = statement(
      this.db,
      'SELECT checked FROM import_previews WHERE token = ? AND actor_id = ? AND expires_at >= ?',
    ).get(token, actorId, now.getTime()) as { checked: string } | undefined;
    return row && { ...(JSON.parse(row.checked) as ImportCheck), actorId };
  }
}
