import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { BodySchema, ExportRoute, ListRoute } from '../core/http/openapi.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { assertUnitInScope, withinUnits } from '../core/http/scope.js';
import { commandMetadataFrom, newRecordId, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { RegisterUnitCommand, registerUnitBody } from './commands/register-unit.js';
import { RenameUnitCommand, renameUnitBody } from './commands/rename-unit.js';
import { AffiliateUnitCommand, affiliateUnitBody } from './commands/affiliate-unit.js';
import { UNIT_TYPE_LABELS } from './organizations.events.js';
import { getUnit, listUnits, unitList, type UnitRow } from './projections/units.projection.js';
import { EXPORT_LIMIT, labelOf, sendExport, type ExportColumn } from '../core/http/export.js';

const UNIT = { zh: '单位', en: 'Unit' };

const UNIT_EXPORT_COLUMNS: ExportColumn<UnitRow>[] = [
  { header: { zh: '名称', en: 'Name' }, value: (r) => r.name, width: 28 },
  { header: { zh: '类型', en: 'Type' }, value: (r, lang) => labelOf(UNIT_TYPE_LABELS, r.type, lang), width: 20 },
  { header: { zh: '片区', en: 'District' }, value: (r) => r.district },
  { header: { zh: '中心校', en: 'Central school' }, value: (r) => r.centralSchool },
  { header: { zh: '正式党员数', en: 'Full members' }, value: (r) => r.fullMembers },
  { header: { zh: '应单独建立党组织', en: 'Needs its own organisation' }, value: (r) => r.needsOwnOrganization },
  { header: { zh: '应设立支部委员会', en: 'Needs a branch committee' }, value: (r) => r.needsCommittee },
];

/** Units: schools, kindergartens, training institutions and bureau organs. */
@Controller('units')
export class UnitsController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('units', 'create')
  @BodySchema(registerUnitBody)
  async register(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(registerUnitBody, body);
    const unitId = newRecordId(request);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new RegisterUnitCommand(command('RegisterUnit', { ...data, unitId }, metadata)),
    );
    return { id: unitId, ...receipt };
  }

  @Post(':id/rename')
  @Allow('units', 'edit')
  @BodySchema(renameUnitBody)
  async rename(@Param('id', ParseUUIDPipe) unitId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { name, expectedRevision } = parseWith(renameUnitBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new RenameUnitCommand(command('RenameUnit', { unitId, name }, metadata), { expectedRevision }),
    );
    return { id: unitId, ...receipt };
  }

  @Post(':id/affiliation')
  @Allow('units', 'edit')
  @BodySchema(affiliateUnitBody)
  affiliate(@Param('id', ParseUUIDPipe) unitId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(affiliateUnitBody, body);
    return this.commands.send(
      new AffiliateUnitCommand(command('AffiliateUnit', { ...data, unitId }, commandMetadataFrom(request, this.clock))),
    );
  }

  @Get('export')
  @Allow('units', 'export')
  @ExportRoute(unitList)
  async export(@Query() query: Record<string, unknown>, @Req() request: ActorRequest, @Res() response: Response) {
    const listQuery = withinUnits(
      { ...parseListQuery({ ...query, range: undefined }, unitList), offset: 0, limit: EXPORT_LIMIT },
      request.user,
      'units.id',
    );
    await sendExport<UnitRow>(
      response,
      query,
      { zh: '单位', en: 'Units' },
      UNIT_EXPORT_COLUMNS,
      () => listUnits(this.db, listQuery).rows,
      this.clock,
    );
  }

  @Get()
  @Allow('units', 'list')
  @ListRoute(unitList)
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, unitList);
    const { rows, total } = listUnits(this.db, withinUnits(listQuery, request.user, 'units.id'));
    setContentRange(response, 'units', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  @Allow('units', 'show')
  get(@Param('id', ParseUUIDPipe) id: string, @Req() request: ActorRequest) {
    assertUnitInScope(request.user, id);
    const row = getUnit(this.db, id);
    if (!row) throw new NotFoundError(UNIT, id);
    return row;
  }
}
