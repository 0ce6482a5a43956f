import { jobId, type JobRequest, type Policy } from '../core/jobs/policy.js';
import type { RecordedEvent } from '../core/messages.js';
import { startOfShanghaiDay } from '../core/time/local-date.js';
import type { AnyReminderEvent, DeliveryRequest } from './reminders.events.js';
import { DEFAULT_SETTINGS } from './schedule.js';

export type DeliverJob = DeliveryRequest & { reminderId: string };
export type ResendJob = { reminderId: string; after: string };

const deliver = (reminderId: string, deliveries: DeliveryRequest[]): JobRequest<DeliverJob>[] =>
  deliveries.map((d) => ({ name: 'deliver', id: jobId('deliver', d.deliveryId), data: { ...d, reminderId } }));

/**
 * Recorded reminders → their outside deliveries; a snooze → the reminder again when it ends; a settings or
 * calendar change → a new scan. Fed from the store by the kernel's PolicyRunner (its own checkpoint), so a
 * reminder recorded while Redis was away is delivered once it is back, and a replay asks for the same job
 * ids again (the deliveries' own streams keep each send single).
 */
export const deliveryPolicy: Policy = {
  name: 'reminder-deliveries',
  handles: [
    'ReminderSent',
    'ReminderEscalated',
    'ReminderResent',
    'ReminderDeliveryRetried',
    'ReminderSnoozed',
    'ReminderSettingsChanged',
    'WorkingCalendarYearSet',
  ],
  jobs: ['deliver', 'resend', 'scan'],
  react: (recorded: RecordedEvent): JobRequest[] => {
    const event = recorded as unknown as AnyReminderEvent;
    switch (event.type) {
      case 'ReminderSent':
      case 'ReminderEscalated':
      case 'ReminderResent':
        return deliver(event.data.reminderId, event.data.deliveries);
      case 'ReminderDeliveryRetried': {
        const { deliveryId, reminderId, channel, target, retry } = event.data;
        return [
          {
            name: 'deliver',
            id: jobId('deliver', deliveryId, `retry${retry}`),
            data: { deliveryId, channel, target, reminderId },
          },
        ];
      }
      case 'ReminderSnoozed':
        return [
          {
            name: 'resend',
            id: jobId('resend', event.data.reminderId, event.data.until),
            data: { reminderId: event.data.reminderId, after: event.data.until } satisfies ResendJob,
            runAt: new Date(startOfShanghaiDay(event.data.until).getTime() + DEFAULT_SETTINGS.sendHour * 3_600_000),
          },
        ];
      case 'ReminderSettingsChanged':
      case 'WorkingCalendarYearSet':
        return [{ name: 'scan', id: jobId('scan', recorded.id), data: {} }];
      default:
        return [];
    }
  },
};
