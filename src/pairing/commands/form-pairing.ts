import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { READ_MODEL_DB } from '../../core/projections/read-model-db.js';
import { addDays, addYears, occurredOn } from '../../core/time/local-date.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { pairing, type Pairing } from '../pairing.js';
import { pairingStream, type PairingFormed } from '../pairing.events.js';
import { unitFacts } from '../projections/pairing-queries.js';

export const formPairingBody = z.strictObject({
  /** Defaults to "helper → helped". */
  name: name(100).nullish(),
  helperUnitId: z.uuid(),
  helpedUnitIds: z.array(z.uuid()).min(1).max(5),
  startOn: localDate(),
  /** The seed's term is three years (2019–2022, continued for another three). */
  termYears: z.number().int().min(1).max(5).default(3),
});

export type FormPairing = Command<'FormPairing', z.output<typeof formPairingBody> & { pairingId: string }>;

/** What the decider needs to know of the schools named, and the helper school's own organisation. */
export interface FormPairingFacts {
  units: Record<string, { name: string; type: string } | null>;
  helperOrgId: string | null;
}

const refuse = (code: string, zh: string, en: string, field: string) => new DomainError(code, { zh, en }, field);

/** A public school helps one or more private schools for a term of years from `startOn`. */
export const formPairing = ({ data }: FormPairing, state: Pairing, facts: FormPairingFacts): PairingFormed => {
  if (state.status !== 'none')
    throw new DomainError(
      'pairing.already-formed',
      { zh: '该帮扶共同体已组建', en: 'This pairing community is already formed' },
      'pairingId',
      409,
    );
  const helper = facts.units[data.helperUnitId];
  if (!helper) throw refuse('pairing.unit-not-found', '未找到该单位', 'No such unit', 'helperUnitId');
  if (helper.type !== 'public_school')
    throw refuse(
      'pairing.helper-not-public-school',
      `帮建学校应为公办学校，“${helper.name}”不是`,
      `The helper school must be a public school; "${helper.name}" is not`,
      'helperUnitId',
    );
  const helped: string[] = [];
  for (const [index, unitId] of data.helpedUnitIds.entries()) {
    const field = `helpedUnitIds.${index}`;
    const unit = facts.units[unitId];
    if (!unit) throw refuse('pairing.unit-not-found', '未找到该单位', 'No such unit', field);
    if (unit.type !== 'private_school')
      throw refuse(
        'pairing.helped-not-private-school',
        `结对帮扶学校应为民办学校，“${unit.name}”不是`,
        `A helped school must be a private school; "${unit.name}" is not`,
        field,
      );
    if (data.helpedUnitIds.indexOf(unitId) !== index)
      throw refuse('pairing.helped-named-twice', `“${unit.name}”重复`, `"${unit.name}" is named twice`, field);
    helped.push(unit.name);
  }
  const endsOn = addDays(addYears(data.startOn, data.termYears), -1);
  return {
    type: 'PairingFormed',
    data: {
      pairingId: data.pairingId,
      name: data.name ?? `${helper.name}→${helped.join('、')}`,
      helperUnitId: data.helperUnitId,
      helperOrgId: facts.helperOrgId,
      helpedUnitIds: data.helpedUnitIds,
      startOn: data.startOn,
      endsOn,
    },
    metadata: { occurredAt: occurredOn(data.startOn), unitIds: [data.helperUnitId, ...data.helpedUnitIds] },
  };
};

/**
 * The helper school's own organisation: of those covering it, the one no other covering one is above (a
 * school's general branch rather than one of its branches), so its secretary answers for the summaries.
 */
export const helperOrgOf = (orgs: OrganizationsFacts, unitId: string): string | null => {
  const covering = orgs.orgsCovering([unitId]);
  const top = covering.find(
    (org) => !covering.some((other) => other !== org && orgs.orgsWithin([other]).includes(org)),
  );
  return top ?? null;
};

export class FormPairingCommand extends CommandMessage<FormPairing, Pairing> {}

@CommandHandler(FormPairingCommand)
export class FormPairingHandler implements ICommandHandler<FormPairingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly orgs: OrganizationsFacts,
  ) {}

  execute({ command, options }: FormPairingCommand) {
    const { helperUnitId, helpedUnitIds } = command.data;
    const units = Object.fromEntries([helperUnitId, ...helpedUnitIds].map((id) => [id, unitFacts(this.db, id)]));
    const facts = { units, helperOrgId: helperOrgOf(this.orgs, helperUnitId) };
    return handleCommand(
      this.store,
      pairingStream(command.data.pairingId),
      pairing,
      (s) => formPairing(command, s, facts),
      command.metadata,
      options,
    );
  }
}
