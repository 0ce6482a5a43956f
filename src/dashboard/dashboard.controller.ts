import { Controller, Get, Inject, Req } from '@nestjs/common';
import { AuditFacts } from '../audit/audit.facts.js';
import { Allow } from '../core/http/access.js';
import type { ActorRequest } from '../core/http/request-context.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { DASHBOARD_CONTRIBUTIONS, type DashboardContribution } from '../core/dashboard.js';

/** Each role's home page: the features' tiles and charts, filtered to what the actor covers. */
@Controller('dashboard')
export class DashboardController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(DASHBOARD_CONTRIBUTIONS) private readonly contributions: DashboardContribution[],
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditFacts,
  ) {}

  @Get()
  @Allow('dashboard', 'show')
  show(@Req() request: ActorRequest) {
    const actor = request.user!;
    const today = shanghaiDate(this.clock.now());
    const parts = this.contributions.map((contribute) => contribute(this.db, actor, today));
    const seesEverything = actor.unrestricted;
    return {
      role: actor.roles[0] ?? null,
      tiles: parts.flatMap((part) => part.tiles ?? []),
      charts: parts.flatMap((part) => part.charts ?? []),
      // Recent activity covers the whole county: only for the bureau and auditors.
      recent: seesEverything ? this.audit.recentActivity(10) : [],
    };
  }
}
