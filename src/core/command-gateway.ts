import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { HandledCommand } from './command-handling.js';
import { ProjectionRunner } from './projections/projection-runner.js';

/** What a write answers: where its events landed. */
export interface WriteReceipt {
  stream: string;
  /** The stream's revision after the write: send it back as `expectedRevision` to guard the next edit. */
  revision: number;
  position: string;
  events: { id: string; type: string }[];
}

/**
 * Sends a command and waits (briefly) until the projections have applied its events, so that the
 * admin, which shows results pessimistically, reads its own write on the next query.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly bus: CommandBus,
    private readonly projections: ProjectionRunner,
  ) {}

  async send<State>(command: Command<HandledCommand<State>>, waitMs = 3000): Promise<WriteReceipt> {
    const result = await this.bus.execute(command);
    if (result.events.length > 0) await this.projections.waitFor(result.position, waitMs);
    return {
      stream: result.stream,
      revision: result.nextExpectedRevision,
      position: result.position.toString(),
      events: result.events.map((event) => ({ id: event.id, type: event.type })),
    };
  }
}
