import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, foldStream, handleCommand } from '../../core/command-handling.js';
import { DomainError, NameTakenError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { name } from '../../core/http/validation.js';
import type { Command, CommandMetadata } from '../../core/messages.js';
import { claimName } from '../name-claims.js';
import { UNIT_TYPES, unitStream, type UnitRegistered } from '../organizations.events.js';
import { RosterFacts } from '../roster-facts.js';
import { unit, type Unit } from '../unit.js';

export const registerUnitBody = z.strictObject({
  name: name(100),
  type: z.enum(UNIT_TYPES),
  district: name(50).nullish(),
  centralSchool: name(100).nullish(),
});

const unitNameTaken = (existing: { id: string; name: string }) =>
  new NameTakenError('unit.name-taken', { zh: '单位', en: 'Unit' }, existing);

/**
 * Refuses a unit name another unit bears (409 `unit.name-taken` naming it), then claims the name for
 * `unitId` so that a concurrent register or rename cannot take it too (see name-claims.ts). Called
 * only once every other rule passed, so a refused command appends nothing.
 */
export const claimUnitName = async (
  store: EventStore,
  roster: RosterFacts,
  unitId: string,
  unitName: string,
  metadata: CommandMetadata,
) => {
  const existing = roster.unitNamed(unitName, unitId);
  if (existing) throw unitNameTaken(existing);
  await claimName(
    store,
    {
      category: 'unitName',
      name: unitName,
      ownerId: unitId,
      unitIds: [unitId],
      taken: unitNameTaken,
      currentNameOf: async (id) => {
        const state = foldStream(unit, await store.readStream(unitStream(id)));
        return state.status === 'registered' ? state.name : null;
      },
    },
    metadata,
  );
};

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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly roster: RosterFacts,
  ) {}

  async execute({ command, options }: RegisterUnitCommand) {
    await claimUnitName(this.store, this.roster, command.data.unitId, command.data.name, command.metadata);
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
