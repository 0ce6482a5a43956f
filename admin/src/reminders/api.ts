import { API_URL, httpClient } from '../dataProvider/http';

/** The reminders' reads and writes that are not plain resource lists (src/reminders/reminders.controller.ts). */
const call = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> =>
  (await httpClient(`${API_URL}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }))
    .json as T;

export interface Settings {
  offsets: number[];
  escalateAfterWorkingDays: number;
  sendHour: number;
  digestHour: number;
}
export interface Channels {
  channels: string[];
  email: string | null;
  digest: boolean;
}
export interface OverviewRow {
  id: string;
  unitId: string | null;
  open: number;
  dueSoon: number;
  overdue: number;
  escalated: number;
  unread: number;
  snoozed: number;
  light: 'red' | 'amber' | 'green';
}

const one = (id: string) => encodeURIComponent(id);

export const remindersApi = {
  unread: () => call<{ unread: number }>('/reminder-inbox/unread'),
  read: (id: string) => call(`/reminder-inbox/${one(id)}/read`, 'POST'),
  snooze: (id: string, until: string, reason: string) =>
    call(`/reminder-inbox/${one(id)}/snooze`, 'POST', { until, reason }),
  retry: (id: string) => call(`/reminder-deliveries/${one(id)}/retry`, 'POST'),
  overview: () => call<OverviewRow[]>('/reminder-overview'),
  settings: () => call<Settings>('/reminder-settings'),
  saveSettings: (settings: Settings) => call<Settings>('/reminder-settings', 'PUT', settings),
  channels: () => call<Channels>('/reminder-channels/me'),
  saveChannels: (channels: Channels) => call<Channels>('/reminder-channels/me', 'PUT', channels),
  scan: () => call('/reminders/scan', 'POST'),
  boardLink: () => call<{ url: string }>('/reminders/queue-board-link'),
};
