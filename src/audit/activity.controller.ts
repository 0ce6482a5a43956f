import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { ListRoute } from '../core/http/openapi.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { activityList, listActivity } from './projections/activity.projection.js';

/** The log as a list: for bureau staff and auditors. */
@Controller('activity')
export class ActivityController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  @Get()
  @Allow('activity', 'list')
  @ListRoute(activityList)
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, activityList);
    const { rows, total } = listActivity(this.db, listQuery);
    setContentRange(response, 'activity', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('activity', 'show')
  get(@Param('id') id: string) {
    const [row] = listActivity(this.db, {
      orderBy: 'seq',
      offset: 0,
      limit: 1,
      where: 'WHERE id = ?',
      params: [id],
    }).rows;
    if (!row) throw new NotFoundError({ zh: '事件', en: 'Event' }, id);
    return row;
  }
}
