import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from './http/access.js';
import { parseListQuery, setContentRange } from './http/list-query.js';
import { ListRoute } from './http/openapi.js';
import type { ActorRequest } from './http/request-context.js';
import { withinScope } from './http/scope.js';
import {
  listOpenObligations,
  OBLIGATION_SOURCES,
  obligationCatalogue,
  obligationList,
  type PublishedObligations,
} from './obligations.js';
import type { ReadModelDb } from './projections/projection.js';
import { READ_MODEL_DB } from './projections/read-model-db.js';
import { CLOCK, type Clock } from './time/clock.js';
import { shanghaiDate } from './time/local-date.js';

/**
 * Every feature's open obligations in one list, soonest deadline first: what the reminders feature
 * consumes and what a user has to do next. Scoped like the other lists: a secretary sees those of its
 * organisations, an instructor those of its units.
 */
@Controller('obligations')
export class ObligationsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(OBLIGATION_SOURCES) private readonly sources: PublishedObligations[],
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('obligations', 'list')
  @ListRoute(obligationList(''))
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const today = shanghaiDate(this.clock.now());
    const listQuery = parseListQuery(query, obligationList(today));
    const scoped = withinScope(listQuery, request.user, { org: 'o.org_id', unit: 'o.unit_id' });
    const { rows, total } = listOpenObligations(this.db, this.sources, scoped, today);
    setContentRange(response, 'obligations', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('catalogue')
  @Allow('obligations', 'list')
  @ApiOkResponse({
    description: 'The codes every feature publishes (domain.md §12), with titles, who acts and the feature.',
  })
  catalogue() {
    return obligationCatalogue(this.sources);
  }
}
