import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, withinScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { SubmitApplicationCommand, submitApplicationBody } from './commands/submit-application.js';
import { developedPerYear } from './projections/developed-per-year.projection.js';
import { caseRecords, developmentCaseList, listDevelopmentCases } from './projections/development-cases.projection.js';
import { listObligations, obligationList } from './projections/development-obligations.projection.js';
import { pipeline } from './projections/development-pipeline.projection.js';
import { attachableStepsFor, DEVELOPMENT_CATALOGUE, nextStepsFor } from './development-catalogue.js';
import { StepSender } from './step-sender.js';

/** Development cases: the application that opens one, the lists, the obligations, the pipeline, the catalogue. */
@Controller('development')
export class DevelopmentController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly steps: StepSender,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('cases')
  @Allow('development', 'create')
  @BodySchema(submitApplicationBody)
  async apply(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(submitApplicationBody, body);
    assertOrgInScope(request.user, data.orgId, data.unitId);
    const personId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new SubmitApplicationCommand(command('SubmitApplication', { ...data, personId }, metadata)),
    );
    return { id: personId, ...receipt };
  }

  @Get('cases')
  @Allow('development', 'list')
  cases(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, developmentCaseList);
    const { rows, total } = listDevelopmentCases(
      this.db,
      withinScope(listQuery, request.user, { org: 'c.org_id', unit: 'c.unit_id' }),
    );
    setContentRange(response, 'development/cases', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('cases/:id')
  @Allow('development', 'show')
  @ApiOkResponse({
    description:
      'The case row, with `nextSteps`: the step and record keys (GET /api/development/catalogue) the case may ' +
      "take next by the deciders' order checks and that the caller's role may send (dates and rules are " +
      'still judged when a step is sent); `records`: by step key, the documents each step produced, sent with ' +
      'the step or attached later, in order, with who recorded them and when; `attachable`: the done steps ' +
      "the caller's role may attach a record to (POST /api/development/cases/:id/records).",
  })
  case(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    const row = this.steps.caseInScope(request, id);
    const c = { status: row.status, done: row.steps };
    const roles = request.user?.roles ?? [];
    return {
      ...row,
      nextSteps: nextStepsFor(c, roles),
      records: caseRecords(this.db, id),
      attachable: attachableStepsFor(c, roles),
    };
  }

  @Get('catalogue')
  @Allow('development', 'list')
  @ApiOkResponse({
    description:
      'The 25 steps in order (key, number, stage, zh/en titles, prerequisite steps, POST path, roles allowed, ' +
      'the documents each normally produces as `records: [{ zh, en }]`), the recurring records (thought ' +
      'reports) and the titles of the per-case obligations A1–A23.',
  })
  catalogue() {
    return DEVELOPMENT_CATALOGUE;
  }

  @Get('obligations')
  @Allow('development', 'list')
  obligations(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, obligationList);
    const { rows, total } = listObligations(
      this.db,
      withinScope(listQuery, request.user, { org: 'b.org_id', unit: 'b.unit_id' }),
    );
    setContentRange(response, 'development/obligations', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get('pipeline')
  @Allow('development', 'list')
  pipeline(@Req() request: ActorRequest) {
    const actor = request.user;
    return pipeline(this.db, !actor || actor.unrestricted ? null : actor.orgIds);
  }

  @Get('developed-per-year')
  @Allow('development', 'list')
  developed(@Query('year') year?: string) {
    return developedPerYear(this.db, year && /^\d{4}$/.test(year) ? Number(year) : undefined);
  }
}
