import {
  Body,
  Controller,
  Get,
  HttpException,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { EXPORT_LIMIT, sendExport, type ExportColumn } from '../core/http/export.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { BodySchema, ExportRoute, ListRoute } from '../core/http/openapi.js';
import { commandMetadataFrom, newRecordId, type Actor, type ActorRequest } from '../core/http/request-context.js';
import { reachOf } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import { EndPairingCommand, endPairingBody, ExtendPairingCommand, extendPairingBody } from './commands/change-term.js';
import { FormPairingCommand, formPairingBody } from './commands/form-pairing.js';
import {
  LogPartyBuildingCommand,
  logPartyBuildingBody,
  LogTeachingCommand,
  logTeachingBody,
} from './commands/log-activity.js';
import { AssessNormCommand, assessNormBody } from './commands/norms.js';
import {
  FormSupportPairCommand,
  formSupportPairBody,
  GiveSupportCommand,
  giveSupportBody,
} from './commands/support-pairs.js';
import { PAIRING } from './pairing.js';
import {
  getPairing,
  listPairings,
  pairingActivities,
  pairingDetail,
  pairingList,
  pairingVisibleTo,
  withinPairingScope,
  type PairingRow,
} from './projections/pairing-queries.js';

const yesNo = (value: boolean, lang: 'zh' | 'en') =>
  value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';

const EXPORT_COLUMNS: ExportColumn<PairingRow>[] = [
  { header: { zh: '帮扶共同体', en: 'Pairing community' }, value: (r) => r.name, width: 30 },
  { header: { zh: '帮建学校', en: 'Helper school' }, value: (r) => r.helperUnitName, width: 20 },
  {
    header: { zh: '结对帮扶学校', en: 'Helped schools' },
    value: (r) => r.helpedUnits.map((u) => u.name ?? u.id).join('、'),
    width: 24,
  },
  { header: { zh: '开始日期', en: 'Start' }, value: (r) => r.startOn },
  { header: { zh: '期满日期', en: 'Ends' }, value: (r) => r.endsOn },
  { header: { zh: '结束日期', en: 'Ended on' }, value: (r) => r.endedOn },
  { header: { zh: '培训骨干教师', en: 'Teachers trained' }, value: (r) => r.progress.teachers.done },
  { header: { zh: '发展新党员', en: 'New members' }, value: (r) => r.progress.members.done },
  { header: { zh: '规范达标项', en: 'Norms met' }, value: (r) => r.progress.norms.done },
  { header: { zh: '落后于进度', en: 'Behind pace' }, value: (r, lang) => yesNo(r.progress.behindPace, lang) },
];

/**
 * Pairing communities (帮扶共同体): the bureau forms, extends and ends them; the helper school's secretary
 * logs their work along the three lines; everyone in scope reads them with their progress.
 */
@Controller('pairings')
export class PairingController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly orgs: OrganizationsFacts,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private today() {
    return shanghaiDate(this.clock.now());
  }

  /** The pairing as its reader may see it: 404 when there is none, 403 outside the reader's units. */
  private visible(id: string, actor: Actor | undefined): PairingRow {
    const row = getPairing(this.db, id, this.today());
    if (!row) throw new NotFoundError(PAIRING, id);
    if (!pairingVisibleTo(row, actor))
      throw new HttpException(
        {
          code: 'access.out-of-scope',
          message: { zh: '该帮扶共同体不在您的负责范围内', en: 'This pairing community is outside your scope' },
        },
        403,
      );
    return row;
  }

  /** Only the helper school's secretary (its organisations, or one above) logs the pairing's work; the bureau any. */
  private loggable(id: string, actor: Actor | undefined): PairingRow {
    const row = this.visible(id, actor);
    const reach = reachOf(actor);
    if (!reach) return row;
    const covering = this.orgs.orgsCovering([row.helperUnitId]);
    if (reach.orgIds.some((org) => covering.includes(org)) || reach.unitIds.includes(row.helperUnitId)) return row;
    throw new HttpException(
      {
        code: 'pairing.helper-school-only',
        message: {
          zh: '只有帮建学校的党组织书记可以记录本共同体的帮扶工作',
          en: 'Only the helper school’s secretary logs this pairing’s work',
        },
      },
      403,
    );
  }

  @Post()
  @Allow('pairings', 'create')
  @BodySchema(formPairingBody)
  async form(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(formPairingBody, body);
    const pairingId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new FormPairingCommand(command('FormPairing', { ...data, pairingId }, metadata)),
    );
    return { id: pairingId, ...receipt };
  }

  @Get('export')
  @Allow('pairings', 'export')
  @ExportRoute(pairingList)
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = withinPairingScope(
      { ...parseListQuery({ ...query, range: undefined }, pairingList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
    );
    await sendExport(
      response,
      query,
      { zh: '帮扶共同体', en: 'Pairing communities' },
      EXPORT_COLUMNS,
      () => listPairings(this.db, listQuery, this.today()).rows,
      this.clock,
    );
  }

  @Get()
  @Allow('pairings', 'list')
  @ListRoute(pairingList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, pairingList);
    const { rows, total } = listPairings(this.db, withinPairingScope(listQuery, request.user), this.today());
    setContentRange(response, 'pairings', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('pairings', 'show')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    this.visible(id, request.user);
    return pairingDetail(this.db, id, this.today());
  }

  @Get(':id/activities')
  @Allow('pairing-activities', 'list')
  activities(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    this.visible(id, request.user);
    return pairingActivities(this.db, id);
  }

  @Post(':id/extend')
  @Allow('pairings', 'edit')
  @BodySchema(extendPairingBody)
  extend(@Param('id', ParseUUIDPipe) pairingId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    this.visible(pairingId, request.user);
    const { expectedRevision, ...data } = parseWith(extendPairingBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new ExtendPairingCommand(command('ExtendPairing', { ...data, pairingId }, metadata), { expectedRevision }),
    );
  }

  @Post(':id/end')
  @Allow('pairings', 'edit')
  @BodySchema(endPairingBody)
  end(@Param('id', ParseUUIDPipe) pairingId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    this.visible(pairingId, request.user);
    const data = parseWith(endPairingBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(new EndPairingCommand(command('EndPairing', { ...data, pairingId }, metadata)));
  }

  @Post(':id/teaching')
  @Allow('pairing-activities', 'create')
  @BodySchema(logTeachingBody)
  async logTeaching(
    @Param('id', ParseUUIDPipe) pairingId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    this.loggable(pairingId, request.user);
    const data = parseWith(logTeachingBody, body);
    const activityId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new LogTeachingCommand(command('LogTeaching', { ...data, pairingId, activityId }, metadata)),
    );
    return { id: activityId, ...receipt };
  }

  @Post(':id/party-building')
  @Allow('pairing-activities', 'create')
  @BodySchema(logPartyBuildingBody)
  async logPartyBuilding(
    @Param('id', ParseUUIDPipe) pairingId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    this.loggable(pairingId, request.user);
    const data = parseWith(logPartyBuildingBody, body);
    const activityId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new LogPartyBuildingCommand(command('LogPartyBuilding', { ...data, pairingId, activityId }, metadata)),
    );
    return { id: activityId, ...receipt };
  }

  @Post(':id/support-pairs')
  @Allow('pairing-activities', 'create')
  @BodySchema(formSupportPairBody)
  async formSupportPair(
    @Param('id', ParseUUIDPipe) pairingId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    this.loggable(pairingId, request.user);
    const data = parseWith(formSupportPairBody, body);
    const pairId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new FormSupportPairCommand(command('FormSupportPair', { ...data, pairingId, pairId }, metadata)),
    );
    return { id: pairId, ...receipt };
  }

  @Post(':id/support-pairs/:pairId/support')
  @Allow('pairing-activities', 'create')
  @BodySchema(giveSupportBody)
  async giveSupport(
    @Param('id', ParseUUIDPipe) pairingId: string,
    @Param('pairId', ParseUUIDPipe) pairId: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    this.loggable(pairingId, request.user);
    const data = parseWith(giveSupportBody, body);
    const supportId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new GiveSupportCommand(command('GiveSupport', { ...data, pairingId, pairId, supportId }, metadata)),
    );
    return { id: supportId, ...receipt };
  }

  @Post(':id/norms/:normKey')
  @Allow('pairing-activities', 'create')
  @BodySchema(assessNormBody)
  assessNorm(
    @Param('id', ParseUUIDPipe) pairingId: string,
    @Param('normKey') normKey: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    this.loggable(pairingId, request.user);
    const data = parseWith(assessNormBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new AssessNormCommand(command('AssessNorm', { ...data, pairingId, normKey: normKey.slice(0, 60) }, metadata)),
    );
  }
}
