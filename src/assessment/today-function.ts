import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';

/**
 * The SQL function D2's obligations call for today's date in Asia/Shanghai: a quarter's bulletin falls
 * due when the quarter ends, not with an event. Read from the injected clock (tests move it).
 */
export const ASSESSMENT_TODAY = 'assessment_today';

@Injectable()
export class AssessmentTodayFunction implements OnModuleInit {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.db.function(ASSESSMENT_TODAY, { deterministic: false }, () => shanghaiDate(this.clock.now()));
  }
}
