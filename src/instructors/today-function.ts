import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';

/**
 * The SQL function C1's and C6's obligations call for today's date in Asia/Shanghai. A monthly duty
 * arises with the month, not with an event, so the one SELECT the kernel unions needs "today"; it is
 * read from the injected clock (tests move it), never from SQLite's own `date('now')`.
 */
export const TODAY_FUNCTION = 'instructors_today';

@Injectable()
export class InstructorsTodayFunction implements OnModuleInit {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.db.function(TODAY_FUNCTION, { deterministic: false }, () => shanghaiDate(this.clock.now()));
  }
}
