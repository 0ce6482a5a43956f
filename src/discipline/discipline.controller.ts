import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { decideAppeal, decideAppealBody, fileAppeal, fileAppealBody } from './commands/appeals.js';
import { DisciplineCaseCommand } from './commands/case-command.js';
import { imposeSanction, imposeSanctionBody } from './commands/impose-sanction.js';
import { openCaseBody, openDisciplineCase } from './commands/open-case.js';
import {
  concludePartyProbation,
  concludeProbationBody,
  extendPartyProbation,
  extendProbationBody,
} from './commands/party-probation.js';
import { probationaryMeasureBody, takeProbationaryMeasure } from './commands/probationary-measure.js';
import {
  closeCase,
  closeCaseBody,
  confirmViolation,
  confirmViolationBody,
  disqualify,
  disqualifyBody,
} from './commands/teacher-ethics.js';
import type { DisciplineCase } from './discipline-case.js';
import type { DisciplineEvent } from './discipline.events.js';
import { caseFile, caseList, listCases, memberOnRoster } from './projections/case-queries.js';

const CASE = { zh: '纪律案件', en: 'Discipline case' };

/**
 * Discipline cases (domain.md §5): opening a case, each decision as a human event (deciding body, document
 * number), appeals. Bureau only for writes; the bureau and auditors read case files. Eligibility look-ups,
 * which secretaries may use without seeing case files, are in eligibility.controller.ts.
 */
@Controller('discipline/cases')
export class DisciplineController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('discipline-cases', 'create')
  @BodySchema(openCaseBody)
  async open(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(openCaseBody, body);
    const caseId = newRecordId(request);
    const member = data.memberId ? memberOnRoster(this.db, data.memberId) : null;
    const cmd = command(
      'OpenDisciplineCase',
      { ...data, caseId, personId: caseId },
      commandMetadataFrom(request, this.clock),
    );
    const receipt = await this.commands.send(
      new DisciplineCaseCommand(caseId, cmd, (s) => openDisciplineCase(cmd, s, member)),
    );
    return { id: caseId, ...receipt };
  }

  @Get()
  @Allow('discipline-cases', 'list')
  @ListRoute(caseList)
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, caseList);
    const { rows, total } = listCases(this.db, listQuery);
    setContentRange(response, 'discipline-cases', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('discipline-cases', 'show')
  @ApiOkResponse({ description: 'The case file: the case, its sanctions, measures, disqualification and appeals.' })
  show(@Param('id', ParseUUIDPipe) id: string) {
    const found = caseFile(this.db, id);
    if (!found) throw new NotFoundError(CASE, id);
    return found;
  }

  @Post(':id/sanctions')
  @Allow('discipline-cases', 'approve')
  @BodySchema(imposeSanctionBody)
  sanction(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(imposeSanctionBody, body);
    const sanctionId = newRecordId(request);
    return this.decide(id, request, 'ImposeSanction', { ...data, sanctionId }, expectedRevision, sanctionId, (c, s) =>
      imposeSanction(c, s),
    );
  }

  @Post(':id/sanctions/:sanctionId/extension')
  @Allow('discipline-cases', 'approve')
  @BodySchema(extendProbationBody)
  extend(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sanctionId', ParseUUIDPipe) sanctionId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { expectedRevision, ...data } = parseWith(extendProbationBody, body);
    return this.decide(
      id,
      request,
      'ExtendPartyProbation',
      { ...data, sanctionId },
      expectedRevision,
      sanctionId,
      (c, s) => extendPartyProbation(c, s),
    );
  }

  @Post(':id/sanctions/:sanctionId/conclusion')
  @Allow('discipline-cases', 'approve')
  @BodySchema(concludeProbationBody)
  conclude(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sanctionId', ParseUUIDPipe) sanctionId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { expectedRevision, ...data } = parseWith(concludeProbationBody, body);
    const expulsionId = newRecordId(request);
    return this.decide(
      id,
      request,
      'ConcludePartyProbation',
      { ...data, sanctionId, expulsionId },
      expectedRevision,
      sanctionId,
      (c, s) => concludePartyProbation(c, s),
    );
  }

  @Post(':id/measures')
  @Allow('discipline-cases', 'approve')
  @BodySchema(probationaryMeasureBody)
  measure(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(probationaryMeasureBody, body);
    const measureId = newRecordId(request);
    return this.decide(
      id,
      request,
      'TakeProbationaryMeasure',
      { ...data, measureId },
      expectedRevision,
      measureId,
      (c, s) => takeProbationaryMeasure(c, s),
    );
  }

  @Post(':id/violation')
  @Allow('discipline-cases', 'approve')
  @BodySchema(confirmViolationBody)
  confirm(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(confirmViolationBody, body);
    return this.decide(id, request, 'ConfirmEthicsViolation', data, expectedRevision, id, (c, s) =>
      confirmViolation(c, s),
    );
  }

  @Post(':id/disqualification')
  @Allow('discipline-cases', 'approve')
  @BodySchema(disqualifyBody)
  disqualify(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(disqualifyBody, body);
    const disqualificationId = newRecordId(request);
    return this.decide(
      id,
      request,
      'DisqualifyFromCommendation',
      { ...data, disqualificationId },
      expectedRevision,
      disqualificationId,
      (c, s) => disqualify(c, s),
    );
  }

  @Post(':id/appeals')
  @Allow('discipline-cases', 'edit')
  @BodySchema(fileAppealBody)
  appeal(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(fileAppealBody, body);
    const appealId = newRecordId(request);
    return this.decide(id, request, 'FileAppeal', { ...data, appealId }, expectedRevision, appealId, (c, s) =>
      fileAppeal(c, s),
    );
  }

  @Post(':id/appeals/:appealId/decision')
  @Allow('discipline-cases', 'approve')
  @BodySchema(decideAppealBody)
  decideAppeal(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('appealId', ParseUUIDPipe) appealId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    const { expectedRevision, ...data } = parseWith(decideAppealBody, body);
    return this.decide(id, request, 'DecideAppeal', { ...data, appealId }, expectedRevision, appealId, (c, s) =>
      decideAppeal(c, s),
    );
  }

  @Post(':id/close')
  @Allow('discipline-cases', 'approve')
  @BodySchema(closeCaseBody)
  close(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { expectedRevision, ...data } = parseWith(closeCaseBody, body);
    return this.decide(id, request, 'CloseDisciplineCase', data, expectedRevision, id, (c, s) => closeCase(c, s));
  }

  /** Sends one decision about case `caseId` through its pure decider; answers the new record's id. */
  private async decide<T extends string, D>(
    caseId: string,
    request: ActorRequest,
    type: T,
    data: D,
    expectedRevision: number | undefined,
    recordId: string,
    decider: (
      c: { type: T; data: D; metadata: ReturnType<typeof commandMetadataFrom> },
      s: DisciplineCase,
    ) => DisciplineEvent | DisciplineEvent[],
  ) {
    const cmd = command(type, data, commandMetadataFrom(request, this.clock));
    const receipt = await this.commands.send(
      new DisciplineCaseCommand(caseId, cmd, (s) => decider(cmd, s), { expectedRevision }),
    );
    return { id: recordId, ...receipt };
  }
}
