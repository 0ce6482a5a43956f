import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { dayOfWork, formedPairing, pairing, type Pairing } from '../pairing.js';
import { pairingStream, type PairingEnded, type PairingTermExtended } from '../pairing.events.js';

export const extendPairingBody = z.strictObject({
  endsOn: localDate(),
  reason: text(500),
  /** The revision the form showed: a term changed meanwhile is a 409. */
  expectedRevision: z.number().int().min(0).optional(),
});
export const endPairingBody = z.strictObject({ on: localDate(), reason: text(500) });

export type ExtendPairing = Command<
  'ExtendPairing',
  Omit<z.output<typeof extendPairingBody>, 'expectedRevision'> & { pairingId: string }
>;
export type EndPairing = Command<'EndPairing', z.output<typeof endPairingBody> & { pairingId: string }>;

const stillActive = (state: Pairing, pairingId: string) => {
  const current = formedPairing(state, pairingId);
  if (current.status === 'ended')
    throw new DomainError(
      'pairing.ended',
      { zh: `该帮扶共同体已于 ${current.endedOn} 结束`, en: `This pairing community ended on ${current.endedOn}` },
      undefined,
      409,
    );
  return current;
};

/** A term continued (the seed's pairs were continued for three more years): only to a later last day. */
export const extendPairing = ({ data, metadata }: ExtendPairing, state: Pairing): PairingTermExtended => {
  const current = stillActive(state, data.pairingId);
  if (data.endsOn <= current.endsOn)
    throw new DomainError(
      'pairing.extension-not-later',
      { zh: `新的截止日期应晚于 ${current.endsOn}`, en: `The new last day must be after ${current.endsOn}` },
      'endsOn',
    );
  return {
    type: 'PairingTermExtended',
    data: { pairingId: data.pairingId, endsOn: data.endsOn, previousEndsOn: current.endsOn, reason: data.reason },
    metadata: { occurredAt: metadata.now, unitIds: [current.helperUnitId, ...current.helpedUnitIds] },
  };
};

/** A pairing ended early (or on its last day); facts after that day are refused. */
export const endPairing = (command: EndPairing, state: Pairing): PairingEnded => {
  const { data } = command;
  stillActive(state, data.pairingId);
  const { metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  return {
    type: 'PairingEnded',
    data: { pairingId: data.pairingId, on: data.on, reason: data.reason },
    metadata: { ...metadata, occurredAt: occurredOn(data.on) },
  };
};

export class ExtendPairingCommand extends CommandMessage<ExtendPairing, Pairing> {}
export class EndPairingCommand extends CommandMessage<EndPairing, Pairing> {}

@CommandHandler(ExtendPairingCommand)
export class ExtendPairingHandler implements ICommandHandler<ExtendPairingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ExtendPairingCommand) {
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => extendPairing(command, s), command.metadata, options);
  }
}

@CommandHandler(EndPairingCommand)
export class EndPairingHandler implements ICommandHandler<EndPairingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: EndPairingCommand) {
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => endPairing(command, s), command.metadata, options);
  }
}
