import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { NotFoundError } from '../core/errors.js';
import { parseListQuery, setContentRange } from '../core/http/list-query.js';
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
  async rename(@Param('id', ParseUUIDPipe) unitId: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { name, expectedRevision } = parseWith(renameUnitBody, body);
    const metadata = commandMetadataFrom(request, this.clock);
    const receipt = await this.commands.send(
      new RenameUnitCommand(command('RenameUnit', { unitId, name }, metadata), { expectedRevision }),
    );
    return { id: unitId, ...receipt };
  }

  @Get()
  list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const listQuery = parseListQuery(query, unitList);
    const { rows, total } = listUnits(this.db, listQuery);
    setContentRange(response, 'units', listQuery.offset, rows.length, total);
    return rows;
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    const row = getUnit(this.db, id);
    if (!row) throw new NotFoundError(UNIT, id);
    return row;
  }
}
