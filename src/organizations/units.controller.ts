import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
import { assertUnitInScope, withinUnits } from '../core/http/scope.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { RegisterUnitCommand, registerUnitBody } from './commands/register-unit.js';
import { RenameUnitCommand, renameUnitBody } from './commands/rename-unit.js';
import { getUnit, listUnits, unitList } from './projections/units.projection.js';

const UNIT = { zh: '单位', en: 'Unit' };

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
    const unitId = randomUUID();
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

  @Get()
  @Allow('units', 'list')
  list(
    @Query() query: Record<string, unknown>,
    @Req() request: ActorRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const listQuery = parseListQuery(query, unitList);
    const { rows, total } = listUnits(this.db, withinUnits(listQuery, request.user, 'id'));
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
