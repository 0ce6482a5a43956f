import { describe, expect, test } from '@jest/globals';
import { spec } from '../../core/testing/decider-spec.js';
import type { DeliveryEvent, ReminderEvent, ReminderObligation, ReminderSent } from '../reminders.events.js';
import { delivery, reminder } from '../reminders.js';
import {
  readReminder,
  recordDelivered,
  recordDeliveryFailed,
  resendReminder,
  retryDelivery,
  sendReminder,
  snoozeReminder,
} from './reminder-decisions.js';

const obligation: ReminderObligation = {
  obligationId: 'organizations.term.org-1',
  code: 'B15',
  title: { zh: '支部委员会任期届满换届', en: 'Branch committee re-election' },
  subject: { kind: 'org', id: 'org-1', name: '实验小学党支部' },
  unitId: 'unit-1',
  orgId: 'org-1',
  dueOn: '2026-12-01',
};
const reminderId = 'organizations.term.org-1.before7.user-1';
const sent: ReminderSent = {
  type: 'ReminderSent',
  data: {
    ...obligation,
    reminderId,
    recipientId: 'user-1',
    offset: -7,
    deliveries: [{ deliveryId: `${reminderId}.email`, channel: 'email', target: 'a@example.cn' }],
    digest: false,
  },
};
const send = () =>
  sendReminder(
    { status: 'none' },
    { reminderId, recipientId: 'user-1', obligation, offset: -7, deliveries: [], digest: false },
  );

describe('sending a reminder', () => {
  test('the first send records it', () =>
    spec(reminder)
      .given([])
      .when((s) =>
        sendReminder(s, {
          reminderId,
          recipientId: 'user-1',
          obligation,
          offset: -7,
          deliveries: sent.data.deliveries,
          digest: false,
        }),
      )
      .then([sent]));
  test('a second send (a replayed job, another instance) decides nothing', () =>
    spec(reminder)
      .given([sent])
      .when((s) =>
        sendReminder(s, { reminderId, recipientId: 'user-1', obligation, offset: -7, deliveries: [], digest: false }),
      )
      .then([]));
  test('sending needs no state but the stream', () => expect(send()).toHaveLength(1));
});

describe('reading and snoozing', () => {
  const now = '2026-11-23T02:00:00.000Z';
  test('the recipient reads it once; a second read records nothing', () => {
    spec(reminder)
      .given([sent])
      .when((s) => readReminder(s, { reminderId, actorId: 'user-1', now }))
      .then([{ type: 'ReminderRead', data: { reminderId, recipientId: 'user-1', readAt: now } }]);
    spec<import('../reminders.js').Reminder, ReminderEvent>(reminder)
      .given([sent, { type: 'ReminderRead', data: { reminderId, recipientId: 'user-1', readAt: now } }])
      .when((s) => readReminder(s, { reminderId, actorId: 'user-1', now }))
      .then([]);
  });
  test("someone else's reminder does not exist for them", () =>
    spec(reminder)
      .given([sent])
      .when((s) => readReminder(s, { reminderId, actorId: 'user-2', now }))
      .thenFails('not-found'));
  test('a snooze ends after today and within 30 days, with its reason', () => {
    spec(reminder)
      .given([sent])
      .when((s) =>
        snoozeReminder(s, {
          reminderId,
          actorId: 'user-1',
          until: '2026-11-26',
          reason: '外出培训',
          today: '2026-11-23',
        }),
      )
      .then([
        {
          type: 'ReminderSnoozed',
          data: { reminderId, recipientId: 'user-1', until: '2026-11-26', reason: '外出培训' },
        },
      ]);
    spec(reminder)
      .given([sent])
      .when((s) =>
        snoozeReminder(s, { reminderId, actorId: 'user-1', until: '2026-11-23', reason: 'x', today: '2026-11-23' }),
      )
      .thenFails('reminder.snooze-out-of-range', 'until');
    spec(reminder)
      .given([sent])
      .when((s) =>
        snoozeReminder(s, { reminderId, actorId: 'user-1', until: '2027-01-23', reason: 'x', today: '2026-11-23' }),
      )
      .thenFails('reminder.snooze-out-of-range', 'until');
  });
  test('after the snooze it goes out again once', () => {
    const snoozed: ReminderEvent = {
      type: 'ReminderSnoozed',
      data: { reminderId, recipientId: 'user-1', until: '2026-11-26', reason: '外出培训' },
    };
    spec<import('../reminders.js').Reminder, ReminderEvent>(reminder)
      .given([sent, snoozed])
      .when((s) => resendReminder(s, { after: '2026-11-26', deliveries: [] }))
      .then([
        { type: 'ReminderResent', data: { reminderId, recipientId: 'user-1', after: '2026-11-26', deliveries: [] } },
      ]);
    spec<import('../reminders.js').Reminder, ReminderEvent>(reminder)
      .given([
        sent,
        snoozed,
        { type: 'ReminderResent', data: { reminderId, recipientId: 'user-1', after: '2026-11-26', deliveries: [] } },
      ])
      .when((s) => resendReminder(s, { after: '2026-11-26', deliveries: [] }))
      .then([]);
    // Snoozed again later: the earlier snooze's job finds a different day and sends nothing.
    spec<import('../reminders.js').Reminder, ReminderEvent>(reminder)
      .given([sent, snoozed, { ...snoozed, data: { ...snoozed.data, until: '2026-11-30' } }])
      .when((s) => resendReminder(s, { after: '2026-11-26', deliveries: [] }))
      .then([]);
  });
});

describe('deliveries', () => {
  const facts = { deliveryId: `${reminderId}.email`, reminderId, channel: 'email' as const, target: 'a@example.cn' };
  const delivered: DeliveryEvent = { type: 'ReminderDelivered', data: { ...facts, attempt: 1 } };
  const failed: DeliveryEvent = { type: 'ReminderDeliveryFailed', data: { ...facts, attempts: 8, error: 'refused' } };
  test('recorded delivered once', () => {
    spec(delivery)
      .given([])
      .when((s) => recordDelivered(s, { ...facts, attempt: 1 }))
      .then([delivered]);
    spec(delivery)
      .given([delivered])
      .when((s) => recordDelivered(s, { ...facts, attempt: 2 }))
      .then([]);
  });
  test('a failure after the last attempt is recorded; an administrator retries it', () => {
    spec(delivery)
      .given([])
      .when((s) => recordDeliveryFailed(s, { ...facts, attempts: 8, error: 'refused' }))
      .then([failed]);
    spec(delivery)
      .given([failed])
      .when((s) => retryDelivery(s, facts))
      .then([{ type: 'ReminderDeliveryRetried', data: { ...facts, retry: 1 } }]);
  });
  test('what has not failed cannot be retried', () => {
    spec(delivery)
      .given([])
      .when((s) => retryDelivery(s, facts))
      .thenFails('reminder.delivery-not-failed');
    spec(delivery)
      .given([delivered])
      .when((s) => retryDelivery(s, facts))
      .thenFails('reminder.delivery-not-failed');
  });
});
