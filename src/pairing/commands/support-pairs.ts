import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, name, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import type { ReadModelDb } from '../../core/projections/projection.js';
import { READ_MODEL_DB } from '../../core/projections/read-model-db.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { dayOfWork, pairing, type Pairing } from '../pairing.js';
import {
  pairingStream,
  STUDENT_SITUATIONS,
  SUPPORT_KINDS,
  type SupportGiven,
  type SupportPairFormed,
} from '../pairing.events.js';
import { memberFacts } from '../projections/pairing-queries.js';

export const formSupportPairBody = z.strictObject({
  memberId: z.uuid(),
  /** A pseudonym or initials (化名或姓名首字母), never a real name with an identity number. */
  student: name(20),
  situation: z.enum(STUDENT_SITUATIONS),
  /** Which helped school the student attends; may be left out when the pairing helps one school. */
  helpedUnitId: z.uuid().nullish(),
  on: localDate(),
});
export const giveSupportBody = z.strictObject({
  kind: z.enum(SUPPORT_KINDS),
  on: localDate(),
  note: text(1000).nullish(),
});

export type FormSupportPair = Command<
  'FormSupportPair',
  z.output<typeof formSupportPairBody> & { pairingId: string; pairId: string }
>;
export type GiveSupport = Command<
  'GiveSupport',
  z.output<typeof giveSupportBody> & { pairingId: string; pairId: string; supportId: string }
>;

/** The teacher named, as the roster knows them: null when the id is nobody on it. */
export type TeacherFacts = { name: string; unitId: string | null; active: boolean } | null;

/**
 * Anything a student's pseudonym must not hold: a run of six or more digits (an 18-digit 身份证 number,
 * a 15-digit old one, a student or phone number), in any width, with or without separators.
 */
export const looksLikeIdentityNumber = (value: string) =>
  /\d{6,}/.test(value.normalize('NFKC').replace(/[\s\-_.·]/g, '')) || /\d{17}[\dXx]/.test(value.normalize('NFKC'));

/**
 * 帮困: a Party-member teacher of the helper school takes one student of a helped school under their wing.
 * The student is named by pseudonym or initials only: what looks like an identity number is refused.
 */
export const formSupportPair = (command: FormSupportPair, state: Pairing, teacher: TeacherFacts): SupportPairFormed => {
  const { data } = command;
  const { current, metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  if (looksLikeIdentityNumber(data.student))
    throw new DomainError(
      'pairing.student-identity-number',
      {
        zh: '学生只能以化名或姓名首字母登记，不得填写身份证号、学籍号、电话号码等数字',
        en: 'Name the student by a pseudonym or initials only: no identity, student or phone numbers',
      },
      'student',
    );
  if (!teacher)
    throw new DomainError(
      'pairing.member-not-found',
      { zh: '党员名册中无此人', en: 'Nobody on the roster has this id' },
      'memberId',
    );
  if (!teacher.active || teacher.unitId !== current.helperUnitId)
    throw new DomainError(
      'pairing.member-not-of-helper-school',
      {
        zh: `${teacher.name}不是帮建学校的在册党员教师`,
        en: `${teacher.name} is not an active Party member of the helper school`,
      },
      'memberId',
    );
  const helpedUnitId = data.helpedUnitId ?? (current.helpedUnitIds.length === 1 ? current.helpedUnitIds[0] : null);
  if (!helpedUnitId || !current.helpedUnitIds.includes(helpedUnitId))
    throw new DomainError(
      'pairing.not-a-helped-school',
      { zh: '请选择本共同体的结对帮扶学校', en: 'Choose one of the pairing’s helped schools' },
      'helpedUnitId',
    );
  if (state.status !== 'none' && state.pairs[data.pairId])
    throw new DomainError(
      'pairing.pair-exists',
      { zh: '该帮扶对子已存在', en: 'This pair exists already' },
      'pairId',
      409,
    );
  return {
    type: 'SupportPairFormed',
    data: {
      pairingId: data.pairingId,
      pairId: data.pairId,
      memberId: data.memberId,
      teacherName: teacher.name,
      student: data.student,
      situation: data.situation,
      helpedUnitId,
      on: data.on,
    },
    metadata,
  };
};

/** A visit, a talk or tutoring given within a one-to-one pair, on or after the day it was formed. */
export const giveSupport = (command: GiveSupport, state: Pairing): SupportGiven => {
  const { data } = command;
  const { current, metadata } = dayOfWork(state, data.pairingId, data.on, command.metadata);
  const pair = current.pairs[data.pairId];
  if (!pair) throw new NotFoundError({ zh: '帮扶对子', en: 'One-to-one pair' }, data.pairId);
  if (data.on < pair.on)
    throw new DomainError(
      'pairing.before-pair-formed',
      {
        zh: `该对子于 ${pair.on} 结成，日期不能更早`,
        en: `The pair was formed on ${pair.on}; the date cannot be earlier`,
      },
      'on',
    );
  return {
    type: 'SupportGiven',
    data: {
      pairingId: data.pairingId,
      pairId: data.pairId,
      supportId: data.supportId,
      kind: data.kind,
      on: data.on,
      note: data.note ?? null,
    },
    metadata,
  };
};

export class FormSupportPairCommand extends CommandMessage<FormSupportPair, Pairing> {}
export class GiveSupportCommand extends CommandMessage<GiveSupport, Pairing> {}

@CommandHandler(FormSupportPairCommand)
export class FormSupportPairHandler implements ICommandHandler<FormSupportPairCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly orgs: OrganizationsFacts,
  ) {}

  execute({ command, options }: FormSupportPairCommand) {
    const standing = this.orgs.memberStanding(command.data.memberId);
    const teacher: TeacherFacts = standing && {
      name: standing.name,
      unitId: memberFacts(this.db, command.data.memberId)?.unitId ?? null,
      active: standing.status === 'active',
    };
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(
      this.store,
      stream,
      pairing,
      (s) => formSupportPair(command, s, teacher),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(GiveSupportCommand)
export class GiveSupportHandler implements ICommandHandler<GiveSupportCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: GiveSupportCommand) {
    const stream = pairingStream(command.data.pairingId);
    return handleCommand(this.store, stream, pairing, (s) => giveSupport(command, s), command.metadata, options);
  }
}
