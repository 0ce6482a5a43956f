import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope, reachOf, withinScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { SubmitApplicationCommand, submitApplicationBody } from './commands/submit-application.js';
import { developedPerYear } from './projections/developed-per-year.projection.js';
import {
  caseRecords,
  developmentCaseList,
  getDevelopmentCase,
  getDevelopmentCaseState,
  listDevelopmentCases,
} from './projections/development-cases.projection.js';
import { listObligations, obligationList } from './projections/development-obligations.projection.js';
import { pipeline } from './projections/development-pipeline.projection.js';
import { attachableStepsFor, DEVELOPMENT_CATALOGUE, stepsOffered } from './development-catalogue.js';
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
  @ApiCreatedResponse({
    description:
      'The new case as GET /api/development/cases/:id reads it, with the write receipt (`stream`, `revision`, ' +
      '`position`, `events`). The read models are updated after the event is stored: when they have not ' +
      'caught up within the wait, only `id` and the receipt come back, and the case reads 404 until they have.',
  })
  async apply(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(submitApplicationBody, body);
    assertOrgInScope(request.user, data.orgId, data.unitId);
    const personId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new SubmitApplicationCommand(command('SubmitApplication', { ...data, personId }, metadata)),
    );
    // A client that shows what it created (react-admin keeps the answer as the record) gets the case, not
    // a receipt that only looks like one: the gateway waited for the read models to apply the event.
    const projected = getDevelopmentCase(this.db, personId) ? this.readCase(request, personId) : {};
    return { ...projected, id: personId, ...receipt };
  }

  @Get('cases')
  @Allow('development', 'list')
  @ListRoute(developmentCaseList)
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
      "take today by the deciders' order checks and not-before dates and that the caller may send (the role " +
      "matrix, and for the higher committee's steps 13, 16–18 and 24 the approval authority over the case: the " +
      'bureau, or the secretary of the nearest Party committee with approval authority above the case; the ' +
      "step's contents are still judged when it is sent); `upcomingSteps`: `[{ key, availableFrom }]`, the " +
      'steps only a not-before date holds back (a year as an activist before step 7, the wait after a failed ' +
      'admission vote, probation before the conversion meeting) and the day they may be taken; `records`: by step key, the documents each step produced, sent with ' +
      'the step or attached later, in order, with who recorded them and when; `attachable`: the done steps ' +
      "the caller's role may attach a record to (POST /api/development/cases/:id/records).",
  })
  case(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    return this.readCase(request, id);
  }

  private readCase(request: ActorRequest, id: string) {
    const row = this.steps.caseInScope(request, id);
    const roles = request.user?.roles ?? [];
    const today = shanghaiDate(this.clock.now());
    const approves = this.steps.approvesCase(request.user, row);
    return {
      ...row,
      ...stepsOffered(getDevelopmentCaseState(this.db, id), roles, today, approves),
      records: caseRecords(this.db, id),
      attachable: attachableStepsFor({ status: row.status, done: row.steps }, roles, approves),
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
  @ListRoute(obligationList)
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
    return pipeline(this.db, reachOf(request.user)?.orgIds ?? null);
  }

  @Get('developed-per-year')
  @Allow('development', 'list')
  developed(@Req() request: ActorRequest, @Query('year') year?: string) {
    return developedPerYear(this.db, year && /^\d{4}$/.test(year) ? Number(year) : undefined, reachOf(request.user));
  }
}
