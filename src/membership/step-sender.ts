import { Inject, Injectable } from '@nestjs/common';
import { command } from '../core/command-handling.js';
import { CommandGateway } from '../core/command-gateway.js';
import type { CommandMessage } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import { commandMetadataFrom, type ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import type { z } from 'zod';
import type { DevelopmentCase } from './development-case.js';
import type { StepCommand } from './commands/step-support.js';
import { getDevelopmentCase } from './projections/development-cases.projection.js';

type Message<Type extends string, Data> = new (
  command: StepCommand<Type, Data>,
) => CommandMessage<StepCommand<Type, Data>, DevelopmentCase>;

/** What every step route does: validate the body, check the case is in the actor's scope, send the command. */
@Injectable()
export class StepSender {
  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  send<Type extends string, S extends z.ZodType>(
    request: ActorRequest,
    personId: string,
    type: Type,
    schema: S,
    body: unknown,
    Command: Message<Type, z.output<S>>,
  ) {
    const data = parseWith(schema, body);
    this.caseInScope(request, personId);
    const metadata = commandMetadataFrom(request, this.clock);
    return this.commands.send(
      new Command(command(type, { ...(data as object), personId } as z.output<S> & { personId: string }, metadata)),
    );
  }

  /** Secretaries act only on their organisations' cases (the matrix only says whether the role may edit). */
  caseInScope(request: ActorRequest, personId: string) {
    const row = getDevelopmentCase(this.db, personId);
    if (!row) throw new NotFoundError({ zh: '发展记录', en: 'Development case' }, personId);
    assertOrgInScope(request.user, row.orgId, row.unitId);
    return row;
  }
}
