import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, foldStream, handleCommand } from '../../core/command-handling.js';
import { ConcurrencyError, DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { name } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { unitStream, type UnitRenamed } from '../organizations.events.js';
import { RosterFacts } from '../roster-facts.js';
import { unit, type Unit } from '../unit.js';
import { claimUnitName } from './register-unit.js';

export const renameUnitBody = z.strictObject({
  name: name(100),
  /** The revision the editor saw; a newer one means someone else changed the unit meanwhile. */
  expectedRevision: z.number().int().min(0).optional(),
});

export type RenameUnit = Command<'RenameUnit', { unitId: string; name: string }>;

export const renameUnit = ({ data }: RenameUnit, state: Unit): UnitRenamed => {
  if (state.status !== 'registered') throw new NotFoundError({ zh: '单位', en: 'Unit' }, data.unitId);
  if (state.name === data.name) {
    throw new DomainError(
      'unit.name-unchanged',
      { zh: '新名称与原名称相同', en: 'The new name is the same as the current one' },
      'name',
    );
  }
  return {
    type: 'UnitRenamed',
    data: { unitId: data.unitId, name: data.name, previousName: state.name },
    metadata: { unitIds: [data.unitId] },
  };
};

export class RenameUnitCommand extends CommandMessage<RenameUnit, Unit> {}

@CommandHandler(RenameUnitCommand)
export class RenameUnitHandler implements ICommandHandler<RenameUnitCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  async execute({ command, options }: RenameUnitCommand) {
    // Every other refusal first (stale form, unknown unit, same name), so a refused rename claims nothing.
    const history = await this.store.readStream(unitStream(command.data.unitId));
    const revision = history.length - 1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision)
      throw new ConcurrencyError(unitStream(command.data.unitId), String(options.expectedRevision), String(revision));
    renameUnit(command, foldStream(unit, history));
    await claimUnitName(this.store, this.roster, command.data.unitId, command.data.name, command.metadata);
    return handleCommand(
      this.store,
      unitStream(command.data.unitId),
      unit,
      (s) => renameUnit(command, s),
      command.metadata,
      options,
    );
  }
}
