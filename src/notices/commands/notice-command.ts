import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { CommandMessage, envelope, foldStream, handleCommand } from '../../core/command-handling.js';
import { DomainError, type Bilingual } from '../../core/errors.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../core/event-store/event-store.js';
import { streamName, type Command } from '../../core/messages.js';
import { defaultChinaCalendar } from '../../core/time/china-holidays.js';
import { CalendarNotCoveredError } from '../../core/time/working-days.js';
import { notice, type Notice, type NoticeStatus } from '../notice.js';
import { noticeStream, type NoticeEvent, type NoticeNumberClaimed } from '../notices.events.js';

/** Every notice command names its notice: the stream it is decided on. */
export type NoticeCommandOf<Type extends string, Data> = Command<Type, Data & { noticeId: string }>;

/**
 * One message for every step of a notice: the command and its pure decider, run by one thin handler on
 * the notice's stream (read, fold, decide, append at the revision read).
 */
export class NoticeCommand<C extends NoticeCommandOf<string, object>> extends CommandMessage<C, Notice> {
  constructor(
    command: C,
    readonly decide: (command: C, state: Notice) => NoticeEvent | NoticeEvent[],
    options: { expectedRevision?: number } = {},
  ) {
    super(command, options);
  }
}

@CommandHandler(NoticeCommand)
export class NoticeCommandHandler implements ICommandHandler<NoticeCommand<NoticeCommandOf<string, object>>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ command, decide, options }: NoticeCommand<NoticeCommandOf<string, object>>) {
    if (command.type === 'IssueNotice') await this.claimNumber(command as IssueNoticeCommand, decide);
    return handleCommand(
      this.store,
      noticeStream(command.data.noticeId),
      notice,
      (state) => decide(command, state),
      command.metadata,
      options,
    );
  }

  /**
   * A document number is unique: the read model's check (numberHeldBy) cannot see a notice issued with the
   * same number at the same moment, so the number is also claimed on a stream of its own at no_stream. Every
   * other refusal comes first (the decider on the notice as it is), so a refused issue takes no number; a
   * number once taken stays its notice's (notices are never deleted), and taking it again is a no-op.
   */
  private async claimNumber(
    command: IssueNoticeCommand,
    decide: (command: never, state: Notice) => NoticeEvent | NoticeEvent[],
  ): Promise<void> {
    const history = await this.store.readStream(noticeStream(command.data.noticeId));
    decide(command as never, foldStream(notice, history));
    const stream = noticeNumberStream(command.data.documentNumber);
    const claim: NoticeNumberClaimed = {
      type: 'NoticeNumberClaimed',
      data: { noticeId: command.data.noticeId, documentNumber: command.data.documentNumber },
      metadata: {},
    };
    try {
      await this.store.append(stream, [envelope(claim, command.metadata)], 'no_stream');
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const [first] = (await this.store.readStream(stream, { limit: 1 })) as unknown as NoticeNumberClaimed[];
      if (first?.data.noticeId !== command.data.noticeId)
        throw refuse(
          'notices.document-number-taken',
          `文号 ${command.data.documentNumber} 已被另一份通报使用`,
          `The document number ${command.data.documentNumber} is already used by another notice`,
          'documentNumber',
          409,
        );
    }
  }
}

type IssueNoticeCommand = NoticeCommandOf<'IssueNotice', { documentNumber: string }>;

/** The stream of one document number (hashed: stream ids stay ASCII and short). */
export const noticeNumberStream = (documentNumber: string) =>
  streamName('noticeNumber', createHash('sha256').update(documentNumber).digest('hex').slice(0, 40));

export const NOTICE: Bilingual = { zh: '通报', en: 'notice' };

const STATUS_WORDS: Record<NoticeStatus, Bilingual> = {
  none: { zh: '不存在', en: 'does not exist' },
  draft: { zh: '草稿', en: 'a draft' },
  submitted: { zh: '待审批', en: 'awaiting approval' },
  approved: { zh: '已审批待印发', en: 'approved, not yet issued' },
  issued: { zh: '已印发待下发', en: 'issued, not yet circulated' },
  circulated: { zh: '已下发', en: 'circulated' },
  closed: { zh: '已办结', en: 'closed' },
};

/**
 * The workflow's order as a rule: a step asked of a notice in another status is refused with 409 naming
 * what it is and what the step needs (a missing notice: 404).
 */
export const requireStatus = (state: Notice, allowed: readonly NoticeStatus[], step: Bilingual): void => {
  if (allowed.includes(state.status)) return;
  if (state.status === 'none')
    throw new DomainError('not-found', { zh: '未找到通报', en: 'Notice not found' }, 'noticeId', 404);
  const need = allowed.map((s) => STATUS_WORDS[s]);
  throw new DomainError(
    'notices.wrong-status',
    {
      zh: `通报当前状态为“${STATUS_WORDS[state.status].zh}”，不能${step.zh}（须为：${need.map((w) => w.zh).join('或')}）`,
      en: `The notice is ${STATUS_WORDS[state.status].en}: it cannot be ${step.en} (it must be ${need.map((w) => w.en).join(' or ')})`,
    },
    undefined,
    409,
  );
};

/** A refusal of a rule (422 unless said otherwise), naming the field at fault. */
export const refuse = (code: string, zh: string, en: string, field?: string, status = 422) =>
  new DomainError(code, { zh, en }, field, status);

/** The Chinese working-day calendar (holidays, 调休) the deadlines of notices count in. */
const calendar = defaultChinaCalendar();

/** `from` plus `n` working days, or a refusal users can act on when the year's holidays are not loaded. */
export const workingDaysAfter = (from: string, n: number): string => {
  try {
    return calendar.addWorkingDays(from, n);
  } catch (error) {
    if (!(error instanceof CalendarNotCoveredError)) throw error;
    throw refuse(
      'notices.calendar-not-covered',
      `${error.year} 年的节假日安排尚未载入，无法计算工作日期限`,
      `The holiday calendar for ${error.year} is not loaded: working-day deadlines cannot be counted`,
    );
  }
};
