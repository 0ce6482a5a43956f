import { Body, Controller, Get, Inject, Post, Req } from '@nestjs/common';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { DefineNormsCommand, defineNormsBody } from './commands/norms.js';
import { normList } from './projections/pairing-queries.js';

/** The county's "five norms" checklist (五个规范): read by all who read pairings, worded by the bureau. */
@Controller('pairing-norms')
export class PairingNormsController {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Allow('pairing-norms', 'list')
  list() {
    return normList(this.db);
  }

  @Post()
  @Allow('pairing-norms', 'edit')
  @BodySchema(defineNormsBody)
  define(@Body() body: unknown, @Req() request: ActorRequest) {
    const data = parseWith(defineNormsBody, body);
    return this.commands.send(
      new DefineNormsCommand(command('DefineNorms', data, commandMetadataFrom(request, this.clock))),
    );
  }
}
