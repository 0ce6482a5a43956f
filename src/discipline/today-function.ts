import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';

/**
 * The SQL function discipline obligations (E1–E8) call for today's date in Asia/Shanghai. An end of a period
 * is published until its day passes, not until an event, so the one SELECT the kernel unions needs "today"; it is
 * read from the injected clock (tests move it), never from SQLite's own `date('now')`.
 */
export const TODAY_FUNCTION = 'discipline_today';

@Injectable()
export class DisciplineTodayFunction implements OnModuleInit {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.db.function(TODAY_FUNCTION, { deterministic: false }, () => shanghaiDate(this.clock.now()));
  }
}
