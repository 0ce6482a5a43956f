import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, orgInScope, orgOutOfScope, withinScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { SelectTypicalCaseCommand, selectTypicalCaseBody } from './commands/select-typical-case.js';
import { SubmitTypicalCaseCommand, submitTypicalCaseBody } from './commands/submit-typical-case.js';
import { getTypicalCase, listTypicalCases, typicalCaseList } from './projections/orglife-typical-cases.projection.js';

const TYPICAL_CASE = { zh: '典型案例', en: 'Typical case' };

/** Typical cases (典型案例): units submit them; the bureau selects some for the annual conference (D8). */
@Controller('organizational-life/typical-cases')
export class TypicalCasesController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('typical-cases', 'create')
  @BodySchema(submitTypicalCaseBody)
  async submit(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(submitTypicalCaseBody, body);
    assertOrgInScope(request.user, data.orgId, data.unitId);
    const caseId = newRecordId(request);
    const receipt = await this.commands.send(
      new SubmitTypicalCaseCommand(
        command('SubmitTypicalCase', { ...data, caseId }, commandMetadataFrom(request, this.clock)),
      ),
    );
    return { ...getTypicalCase(this.db, caseId), id: caseId, ...receipt };
  }

  @Get()
  @Allow('typical-cases', 'list')
  @ListRoute(typicalCaseList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, typicalCaseList);
    const { rows, total } = listTypicalCases(
      this.db,
      withinScope(listQuery, request.user, { org: 'c.org_id', unit: 'c.unit_id' }),
    );
    setContentRange(response, 'organizational-life/typical-cases', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('typical-cases', 'show')
  show(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = getTypicalCase(this.db, id);
    if (!row) throw new NotFoundError(TYPICAL_CASE, id);
    if (!orgInScope(request.user, row.orgId, row.unitId)) throw orgOutOfScope();
    return row;
  }

  @Post(':id/select')
  @Allow('typical-cases', 'approve')
  @BodySchema(selectTypicalCaseBody)
  async select(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(selectTypicalCaseBody, body);
    const receipt = await this.commands.send(
      new SelectTypicalCaseCommand(
        command('SelectTypicalCase', { ...data, caseId: id }, commandMetadataFrom(request, this.clock)),
      ),
    );
    return { ...getTypicalCase(this.db, id), ...receipt };
  }
}
