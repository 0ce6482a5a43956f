import { Inject, Injectable } from '@nestjs/common';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { recentActivity, type ActivityRow } from './projections/activity.projection.js';

export type { ActivityRow } from './projections/activity.projection.js';

/** The audit feature's read door: what other features may ask of the activity log. AuditModule exports it. */
@Injectable()
export class AuditFacts {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  /** The latest lines of the log, newest first, each with the names it refers to (the home page's "recent"). */
  recentActivity(limit = 10): ActivityRow[] {
    return recentActivity(this.db, limit);
  }
}
