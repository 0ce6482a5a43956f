import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, foldStream, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, says, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { dayOfWork, pairing, pairingNorms, type Pairing, type PairingNorms } from '../pairing.js';
import {
  PAIRING_NORMS_STREAM,
  pairingStream,
  type NormAssessed,
  type NormItem,
  type PairingNormsDefined,
} from '../pairing.events.js';

export const assessNormBody = z.strictObject({ met: z.boolean(), on: localDate(), note: text(1000).nullish() });
export const defineNormsBody = z.strictObject({
  norms: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
          message: says('应为小写字母、数字和连字符', 'must be lower-case letters, digits and dashes'),
        }),
        zh: name(60),
        en: name(100),
      }),
    )
    .min(1)
    .max(10),
});

export type AssessNorm = Command<
  'AssessNorm',
  z.output<typeof assessNormBody> & { pairingId: string; normKey: string }
>;
export type DefineNorms = Command<'DefineNorms', z.output<typeof defineNormsBody>>;

/** One norm of the county's checklist judged met or not met for the pairing's helped school(s) on a day. */
export const assessNorm = (command: AssessNorm, state: Pairing, norms: readonly NormItem[]): NormAssessed => {
  const { data } = command;
  const { metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  if (!norms.some((norm) => norm.key === data.normKey))
    throw new DomainError(
      'pairing.norm-unknown',
      {
        zh: `“五个规范”中没有此项：${data.normKey}`,
        en: `No such item among the norms: ${data.normKey}`,
      },
      'normKey',
    );
  return {
    type: 'NormAssessed',
    data: { pairingId: data.pairingId, normKey: data.normKey, met: data.met, on: data.on, note: data.note ?? null },
    metadata,
  };
};

/**
 * The bureau words the checklist (the seed names three items; two are to be set). An item once on the list
 * stays (with its key), so judgements made against it keep their meaning; its wording may change.
 */
export const defineNorms = ({ data }: DefineNorms, state: PairingNorms): PairingNormsDefined => {
  const keys = data.norms.map((n) => n.key);
  const twice = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (twice >= 0)
    throw new DomainError(
      'pairing.norm-key-twice',
      { zh: `条目标识“${keys[twice]}”重复`, en: `The key "${keys[twice]}" is used twice` },
      `norms.${twice}.key`,
    );
  const dropped = state.norms.find((norm) => !keys.includes(norm.key));
  if (dropped)
    throw new DomainError(
      'pairing.norm-removed',
      {
        zh: `不能删除已有条目“${dropped.zh}”，可修改其名称`,
        en: `The item "${dropped.en}" cannot be removed; reword it instead`,
      },
      'norms',
    );
  return { type: 'PairingNormsDefined', data: { norms: data.norms } };
};

export class AssessNormCommand extends CommandMessage<AssessNorm, Pairing> {}
export class DefineNormsCommand extends CommandMessage<DefineNorms, PairingNorms> {}

@CommandHandler(AssessNormCommand)
export class AssessNormHandler implements ICommandHandler<AssessNormCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, options }: AssessNormCommand) {
    const { norms } = foldStream(pairingNorms, await this.store.readStream(PAIRING_NORMS_STREAM));
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => assessNorm(command, s, norms), command.metadata, options);
  }
}

@CommandHandler(DefineNormsCommand)
export class DefineNormsHandler implements ICommandHandler<DefineNormsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: DefineNormsCommand) {
    return handleCommand(
      this.store,
      PAIRING_NORMS_STREAM,
      pairingNorms,
      (s) => defineNorms(command, s),
      command.metadata,
      options,
    );
  }
}
