import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { UNIT_TYPES, unitStream, type UnitRegistered } from '../organizations.events.js';
import { unit, type Unit } from '../unit.js';

export const registerUnitBody = z.strictObject({
  name: text(100),
  type: z.enum(UNIT_TYPES),
  district: text(50).nullish(),
  centralSchool: text(100).nullish(),
});

export type RegisterUnit = Command<'RegisterUnit', z.output<typeof registerUnitBody> & { unitId: string }>;

export const registerUnit = ({ data }: RegisterUnit, state: Unit): UnitRegistered => {
  if (state.status === 'registered') {
    throw new DomainError(
      'unit.already-registered',
      { zh: `单位 ${data.unitId} 已登记`, en: `Unit ${data.unitId} is already registered` },
      'unitId',
      409,
    );
  }
  return {
    type: 'UnitRegistered',
    data: {
      unitId: data.unitId,
      name: data.name,
      type: data.type,
      district: data.district ?? null,
      centralSchool: data.centralSchool ?? null,
    },
    metadata: { unitIds: [data.unitId] },
  };
};

export class RegisterUnitCommand extends CommandMessage<RegisterUnit, Unit> {}

@CommandHandler(RegisterUnitCommand)
export class RegisterUnitHandler implements ICommandHandler<RegisterUnitCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: RegisterUnitCommand) {
    return handleCommand(
      this.store,
      unitStream(command.data.unitId),
      unit,
      (s) => registerUnit(command, s),
      command.metadata,
      options,
    );
  }
}
