import { DomainError, NotFoundError } from '../../core/errors.js';
import { addDays } from '../../core/time/local-date.js';
import type {
  DeliveryRequest,
  ReminderDelivered,
  ReminderDeliveryFailed,
  ReminderDeliveryRetried,
  ReminderEscalated,
  ReminderObligation,
  ReminderRead,
  ReminderResent,
  ReminderSent,
  ReminderSnoozed,
} from '../reminders.events.js';
import type { Delivery, Reminder } from '../reminders.js';

/**
 * The reminders' pure decisions. Each returns the events to append, or none when the work is already
 * done: a job that runs twice (a retry, a second app instance, a replay) decides nothing the second time.
 */

const unitsOf = (obligation: ReminderObligation) => (obligation.unitId ? [obligation.unitId] : []);

export interface SendInput {
  reminderId: string;
  recipientId: string;
  obligation: ReminderObligation;
  offset: number;
  deliveries: DeliveryRequest[];
  digest: boolean;
}

/** The reminder goes out once: a stream that already holds it decides nothing. */
export const sendReminder = (state: Reminder, input: SendInput): ReminderSent[] =>
  state.status !== 'none'
    ? []
    : [
        {
          type: 'ReminderSent',
          data: {
            ...input.obligation,
            reminderId: input.reminderId,
            recipientId: input.recipientId,
            offset: input.offset,
            deliveries: input.deliveries,
            digest: input.digest,
          },
          metadata: { unitIds: unitsOf(input.obligation) },
        },
      ];

export interface EscalateInput extends Omit<SendInput, 'offset'> {
  escalatedFrom: string;
  workingDaysOverdue: number;
}

export const escalateReminder = (state: Reminder, input: EscalateInput): ReminderEscalated[] =>
  state.status !== 'none'
    ? []
    : [
        {
          type: 'ReminderEscalated',
          data: {
            ...input.obligation,
            reminderId: input.reminderId,
            recipientId: input.recipientId,
            escalatedFrom: input.escalatedFrom,
            workingDaysOverdue: input.workingDaysOverdue,
            deliveries: input.deliveries,
            digest: input.digest,
          },
          metadata: { unitIds: unitsOf(input.obligation) },
        },
      ];

/** Only the person reminded opens or snoozes a reminder; to anyone else it does not exist. */
const own = (state: Reminder, reminderId: string, actorId: string) => {
  if (state.status === 'none' || state.recipientId !== actorId)
    throw new NotFoundError({ zh: '提醒', en: 'Reminder' }, reminderId);
  return state;
};

/** The read receipt; opening it again records nothing more. */
export const readReminder = (
  state: Reminder,
  input: { reminderId: string; actorId: string; now: string },
): ReminderRead[] => {
  const mine = own(state, input.reminderId, input.actorId);
  return mine.read
    ? []
    : [
        {
          type: 'ReminderRead',
          data: { reminderId: input.reminderId, recipientId: input.actorId, readAt: input.now },
          metadata: { unitIds: mine.unitIds },
        },
      ];
};

export const MAX_SNOOZE_DAYS = 30;

/** Put off to a later day (at most 30 days ahead) with a reason the bureau reads. */
export const snoozeReminder = (
  state: Reminder,
  input: { reminderId: string; actorId: string; until: string; reason: string; today: string },
): ReminderSnoozed[] => {
  const mine = own(state, input.reminderId, input.actorId);
  if (input.until <= input.today || input.until > addDays(input.today, MAX_SNOOZE_DAYS))
    throw new DomainError(
      'reminder.snooze-out-of-range',
      {
        zh: `暂缓日期应在今天之后、${MAX_SNOOZE_DAYS} 天以内`,
        en: `The snooze must end after today and within ${MAX_SNOOZE_DAYS} days`,
      },
      'until',
    );
  return [
    {
      type: 'ReminderSnoozed',
      data: { reminderId: input.reminderId, recipientId: input.actorId, until: input.until, reason: input.reason },
      metadata: { unitIds: mine.unitIds },
    },
  ];
};

/** The snooze ran out: sent again, once per snooze; a later snooze replaces an earlier one. */
export const resendReminder = (
  state: Reminder,
  input: { after: string; deliveries: DeliveryRequest[] },
): ReminderResent[] =>
  state.status !== 'sent' || state.snoozedUntil !== input.after || state.resentAfter === input.after
    ? []
    : [
        {
          type: 'ReminderResent',
          data: {
            reminderId: state.reminderId,
            recipientId: state.recipientId,
            after: input.after,
            deliveries: input.deliveries,
          },
          metadata: { unitIds: state.unitIds },
        },
      ];

type DeliveryFacts = Pick<ReminderDelivered['data'], 'deliveryId' | 'reminderId' | 'channel' | 'target'>;

/** Delivered once: a second worker that sent too (a crash between send and record) records nothing. */
export const recordDelivered = (state: Delivery, facts: DeliveryFacts & { attempt: number }): ReminderDelivered[] =>
  state.delivered ? [] : [{ type: 'ReminderDelivered', data: facts }];

export const recordDeliveryFailed = (
  state: Delivery,
  facts: DeliveryFacts & { attempts: number; error: string },
): ReminderDeliveryFailed[] =>
  state.delivered || state.failed ? [] : [{ type: 'ReminderDeliveryFailed', data: facts }];

/** An administrator sends a failed delivery again; one that has not failed is refused. */
export const retryDelivery = (state: Delivery, facts: DeliveryFacts): ReminderDeliveryRetried[] => {
  if (!state.failed)
    throw new DomainError(
      'reminder.delivery-not-failed',
      {
        zh: state.delivered ? '该消息已送达，无需重发' : '该消息未失败，无需重发',
        en: state.delivered ? 'This message was delivered; nothing to retry' : 'This message has not failed',
      },
      undefined,
      409,
    );
  return [{ type: 'ReminderDeliveryRetried', data: { ...facts, retry: state.retries + 1 } }];
};
