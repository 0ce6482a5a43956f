import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, nameKey, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { dayOfWork, pairing, type Pairing } from '../pairing.js';
import {
  PARTY_BUILDING_KINDS,
  pairingStream,
  TEACHING_KINDS,
  type PartyBuildingActivityLogged,
  type TeachingActivityLogged,
} from '../pairing.events.js';

export const logTeachingBody = z.strictObject({
  kind: z.enum(TEACHING_KINDS),
  on: localDate(),
  title: text(100),
  note: text(1000).nullish(),
  /** The helped school's backbone teachers trained, by name: each one counts towards the target. */
  teachersTrained: z.array(name(50)).max(50).default([]),
});
export const logPartyBuildingBody = z.strictObject({
  kind: z.enum(PARTY_BUILDING_KINDS),
  on: localDate(),
  title: text(100),
  note: text(1000).nullish(),
});

export type LogTeaching = Command<
  'LogTeaching',
  z.output<typeof logTeachingBody> & { pairingId: string; activityId: string }
>;
export type LogPartyBuilding = Command<
  'LogPartyBuilding',
  z.output<typeof logPartyBuildingBody> & { pairingId: string; activityId: string }
>;

/** 帮教: a training names the teachers it trained, each once. */
export const logTeaching = (command: LogTeaching, state: Pairing): TeachingActivityLogged => {
  const { data } = command;
  const { metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  if (data.kind === 'training' && data.teachersTrained.length === 0)
    throw new DomainError(
      'pairing.training-names-teachers',
      { zh: '骨干教师培训应写明受训教师姓名', en: 'A training names the backbone teachers it trained' },
      'teachersTrained',
    );
  const keys = data.teachersTrained.map(nameKey);
  const twice = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (twice >= 0)
    throw new DomainError(
      'pairing.teacher-named-twice',
      { zh: `“${data.teachersTrained[twice]}”重复`, en: `"${data.teachersTrained[twice]}" is named twice` },
      `teachersTrained.${twice}`,
    );
  return {
    type: 'TeachingActivityLogged',
    data: {
      pairingId: data.pairingId,
      activityId: data.activityId,
      kind: data.kind,
      on: data.on,
      title: data.title,
      note: data.note ?? null,
      teachersTrained: data.teachersTrained,
    },
    metadata,
  };
};

/** 帮党建: joint work, joint activities, shared records. */
export const logPartyBuilding = (command: LogPartyBuilding, state: Pairing): PartyBuildingActivityLogged => {
  const { data } = command;
  const { metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  return {
    type: 'PartyBuildingActivityLogged',
    data: {
      pairingId: data.pairingId,
      activityId: data.activityId,
      kind: data.kind,
      on: data.on,
      title: data.title,
      note: data.note ?? null,
    },
    metadata,
  };
};

export class LogTeachingCommand extends CommandMessage<LogTeaching, Pairing> {}
export class LogPartyBuildingCommand extends CommandMessage<LogPartyBuilding, Pairing> {}

@CommandHandler(LogTeachingCommand)
export class LogTeachingHandler implements ICommandHandler<LogTeachingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: LogTeachingCommand) {
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => logTeaching(command, s), command.metadata, options);
  }
}

@CommandHandler(LogPartyBuildingCommand)
export class LogPartyBuildingHandler implements ICommandHandler<LogPartyBuildingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: LogPartyBuildingCommand) {
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => logPartyBuilding(command, s), command.metadata, options);
  }
}
