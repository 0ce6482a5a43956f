import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { unitStream, type UnitRenamed } from '../organizations.events.js';
import { unit, type Unit } from '../unit.js';

export const renameUnitBody = z.strictObject({
  name: text(100),
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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RenameUnitCommand) {
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
