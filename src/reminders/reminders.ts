import type { StreamModel } from '../core/command-handling.js';
import type { CalendarYear } from '../core/time/china-holidays.js';
import { DEFAULT_SETTINGS } from './schedule.js';
import type {
  Channel,
  DeliveryEvent,
  ReminderChannelsChosen,
  ReminderEvent,
  ReminderRobotConfigured,
  ReminderRobotRemoved,
  ReminderSettings,
  ReminderSettingsChanged,
  WorkingCalendarYearSet,
} from './reminders.events.js';

/** One reminder to one person, as its stream folds. */
export type Reminder =
  | { status: 'none' }
  | {
      status: 'sent';
      reminderId: string;
      recipientId: string;
      unitIds: string[];
      read: boolean;
      /** The latest snooze's day, and whether the reminder went out again after it. */
      snoozedUntil: string | null;
      resentAfter: string | null;
    };

export const reminder: StreamModel<Reminder, ReminderEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReminderSent':
      case 'ReminderEscalated':
        return {
          status: 'sent',
          reminderId: event.data.reminderId,
          recipientId: event.data.recipientId,
          unitIds: event.data.unitId ? [event.data.unitId] : [],
          read: false,
          snoozedUntil: null,
          resentAfter: null,
        };
      case 'ReminderRead':
        return state.status === 'sent' ? { ...state, read: true } : state;
      case 'ReminderSnoozed':
        return state.status === 'sent' ? { ...state, snoozedUntil: event.data.until } : state;
      case 'ReminderResent':
        // Sent again: unread again, until the person opens it.
        return state.status === 'sent' ? { ...state, resentAfter: event.data.after, read: false } : state;
    }
  },
};

/** One outside message: how far it got. */
export interface Delivery {
  delivered: boolean;
  failed: boolean;
  retries: number;
}

export const delivery: StreamModel<Delivery, DeliveryEvent> = {
  initialState: () => ({ delivered: false, failed: false, retries: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReminderDelivered':
        return { ...state, delivered: true, failed: false };
      case 'ReminderDeliveryFailed':
        return { ...state, failed: true };
      case 'ReminderDeliveryRetried':
        return { ...state, failed: false, retries: event.data.retry };
    }
  },
};

export const settingsModel: StreamModel<ReminderSettings, ReminderSettingsChanged> = {
  initialState: () => DEFAULT_SETTINGS,
  evolve: (_state, event) => event.data,
};

export interface ChannelChoice {
  userId: string | null;
  channels: Channel[];
  email: string | null;
  digest: boolean;
}

/** Until a user chooses, reminders reach them in the app only. */
export const channelsModel: StreamModel<ChannelChoice, ReminderChannelsChosen> = {
  initialState: () => ({ userId: null, channels: ['inbox'], email: null, digest: false }),
  evolve: (_state, event) => event.data,
};

export type Robot = { status: 'none' | 'removed' } | ({ status: 'active' } & ReminderRobotConfigured['data']);

export const robotModel: StreamModel<Robot, ReminderRobotConfigured | ReminderRobotRemoved> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) =>
    event.type === 'ReminderRobotConfigured' ? { status: 'active', ...event.data } : { status: 'removed' },
};

export const calendarYearModel: StreamModel<CalendarYear | null, WorkingCalendarYearSet> = {
  initialState: () => null,
  evolve: (_state, event) => event.data,
};
