import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * Reminders (issue 14, domain.md §12): the open obligations every feature publishes turn into reminders to
 * the people in the catalogue's "Who" column, delivered in the app (the inbox), by email and to DingTalk /
 * WeCom group robots; unresolved ones escalate to the bureau office.
 *
 * Streams:
 * - `reminder-<obligationId>.<offset>.<userId>`: one reminder to one person (ReminderSent / ReminderEscalated,
 *   then ReminderRead, ReminderSnoozed, ReminderResent). Sending appends at `no_stream`, so of two workers
 *   (two app instances, a replayed job) only one records it, and only the one that recorded it delivers.
 * - `reminderDelivery-<deliveryId>`: one message on one outside channel (email, a robot): delivered, failed
 *   after its retries, retried by an administrator.
 * - `reminderSettings-county`, `reminderChannels-<userId>`, `reminderRobot-<robotId>`,
 *   `reminderCalendar-<year>`: configuration, recorded as events like everything else.
 */

/** The ways a reminder reaches someone. The inbox always; the others as each user chooses. */
export const CHANNELS = ['inbox', 'email', 'robot'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Bilingual> = {
  inbox: { zh: '站内信', en: 'In-app inbox' },
  email: { zh: '电子邮件', en: 'Email' },
  robot: { zh: '群机器人', en: 'Group robot' },
};

export const ROBOT_KINDS = ['dingtalk', 'wecom'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export const ROBOT_KIND_LABELS: Record<RobotKind, Bilingual> = {
  dingtalk: { zh: '钉钉群机器人', en: 'DingTalk group robot' },
  wecom: { zh: '企业微信群机器人', en: 'WeCom group robot' },
};

/** What a reminder is about: the obligation as published when it was sent (its title may later change). */
export interface ReminderObligation {
  obligationId: string;
  code: string;
  title: Bilingual;
  subject: { kind: string; id: string; name: string | null };
  unitId: string | null;
  orgId: string | null;
  dueOn: string | null;
}

/** An outside message to send for a reminder: delivery ids are shared, so a robot hears of a reminder once. */
export interface DeliveryRequest {
  deliveryId: string;
  channel: Exclude<Channel, 'inbox'>;
  /** The email address or the robot's id. */
  target: string;
}

export type ReminderSent = Event<
  'ReminderSent',
  ReminderObligation & {
    reminderId: string;
    recipientId: string;
    /** The offset from the deadline in working days (−7, −1, 0, 1…), as the settings had it. */
    offset: number;
    /** The outside deliveries decided for it from the recipient's channel choices (none when in a digest). */
    deliveries: DeliveryRequest[];
    /** The recipient takes it in the daily digest instead of one email per reminder. */
    digest: boolean;
  }
>;
/** The obligation stayed open past the settings' escalation days: the bureau office is told. */
export type ReminderEscalated = Event<
  'ReminderEscalated',
  ReminderObligation & {
    reminderId: string;
    recipientId: string;
    /** The people first reminded (by role), now passed over. */
    escalatedFrom: string;
    workingDaysOverdue: number;
    deliveries: DeliveryRequest[];
    digest: boolean;
  }
>;
export type ReminderRead = Event<'ReminderRead', { reminderId: string; recipientId: string; readAt: string }>;
/** Put off until a day, with a reason the bureau sees; it is sent again that morning if still open. */
export type ReminderSnoozed = Event<
  'ReminderSnoozed',
  { reminderId: string; recipientId: string; until: string; reason: string }
>;
/** Sent again after a snooze (the obligation still open). */
export type ReminderResent = Event<
  'ReminderResent',
  { reminderId: string; recipientId: string; after: string; deliveries: DeliveryRequest[] }
>;
export type ReminderEvent = ReminderSent | ReminderEscalated | ReminderRead | ReminderSnoozed | ReminderResent;

export type ReminderDelivered = Event<
  'ReminderDelivered',
  { deliveryId: string; reminderId: string; channel: DeliveryRequest['channel']; target: string; attempt: number }
>;
export type ReminderDeliveryFailed = Event<
  'ReminderDeliveryFailed',
  {
    deliveryId: string;
    reminderId: string;
    channel: DeliveryRequest['channel'];
    target: string;
    attempts: number;
    error: string;
  }
>;
/** An administrator asks for a failed delivery again; `retry` counts those asks (it names the new job). */
export type ReminderDeliveryRetried = Event<
  'ReminderDeliveryRetried',
  { deliveryId: string; reminderId: string; channel: DeliveryRequest['channel']; target: string; retry: number }
>;
export type DeliveryEvent = ReminderDelivered | ReminderDeliveryFailed | ReminderDeliveryRetried;

/** The bureau's settings (defaults in reminder-settings.ts). */
export interface ReminderSettings {
  /** Working days from the deadline: −7 and −1 before, 0 on the day, 1 after (overdue). */
  offsets: number[];
  /** Working days past the deadline after which an open obligation escalates to the bureau office. */
  escalateAfterWorkingDays: number;
  /** The hour (Asia/Shanghai) reminders go out on their day. */
  sendHour: number;
  /** The hour the daily digest goes out. */
  digestHour: number;
}
export type ReminderSettingsChanged = Event<'ReminderSettingsChanged', ReminderSettings>;

/** A user's channels: the inbox always; email to `email`; their unit's (or the office's) robots. */
export type ReminderChannelsChosen = Event<
  'ReminderChannelsChosen',
  { userId: string; channels: Channel[]; email: string | null; digest: boolean }
>;

/** A group robot of a unit (or of the bureau office when `unitId` is null). The secret signs DingTalk calls. */
export type ReminderRobotConfigured = Event<
  'ReminderRobotConfigured',
  { robotId: string; name: string; kind: RobotKind; url: string; secret: string | null; unitId: string | null }
>;
export type ReminderRobotRemoved = Event<'ReminderRobotRemoved', { robotId: string }>;

/** One year's holiday notice (放假 and 调休) as the bureau loaded or corrected it. */
export type WorkingCalendarYearSet = Event<
  'WorkingCalendarYearSet',
  { year: number; holidays: string[]; makeUpWorkdays: string[] }
>;

export type ReminderConfigEvent =
  | ReminderSettingsChanged
  | ReminderChannelsChosen
  | ReminderRobotConfigured
  | ReminderRobotRemoved
  | WorkingCalendarYearSet;

export type AnyReminderEvent = ReminderEvent | DeliveryEvent | ReminderConfigEvent;

export const REMINDER_EVENT_TYPES = eventTypes<AnyReminderEvent['type']>({
  ReminderSent: true,
  ReminderEscalated: true,
  ReminderRead: true,
  ReminderSnoozed: true,
  ReminderResent: true,
  ReminderDelivered: true,
  ReminderDeliveryFailed: true,
  ReminderDeliveryRetried: true,
  ReminderSettingsChanged: true,
  ReminderChannelsChosen: true,
  ReminderRobotConfigured: true,
  ReminderRobotRemoved: true,
  WorkingCalendarYearSet: true,
});

export const REMINDER_EVENT_LABELS: Record<AnyReminderEvent['type'], Bilingual> = {
  ReminderSent: { zh: '发送提醒', en: 'Reminder sent' },
  ReminderEscalated: { zh: '提醒升级至局党委办', en: 'Reminder escalated to the bureau office' },
  ReminderRead: { zh: '已读提醒', en: 'Reminder read' },
  ReminderSnoozed: { zh: '暂缓提醒', en: 'Reminder snoozed' },
  ReminderResent: { zh: '暂缓到期后再次提醒', en: 'Reminder sent again after a snooze' },
  ReminderDelivered: { zh: '提醒已送达', en: 'Reminder delivered' },
  ReminderDeliveryFailed: { zh: '提醒发送失败', en: 'Reminder delivery failed' },
  ReminderDeliveryRetried: { zh: '重新发送提醒', en: 'Reminder delivery retried' },
  ReminderSettingsChanged: { zh: '修改提醒设置', en: 'Reminder settings changed' },
  ReminderChannelsChosen: { zh: '设置提醒渠道', en: 'Reminder channels chosen' },
  ReminderRobotConfigured: { zh: '配置群机器人', en: 'Group robot configured' },
  ReminderRobotRemoved: { zh: '移除群机器人', en: 'Group robot removed' },
  WorkingCalendarYearSet: { zh: '设置年度节假日安排', en: 'Holiday calendar of a year set' },
};

export const reminderStream = (reminderId: string) => streamName('reminder', reminderId);
export const deliveryStream = (deliveryId: string) => streamName('reminderDelivery', deliveryId);
export const REMINDER_SETTINGS_STREAM = streamName('reminderSettings', 'county');
export const channelsStream = (userId: string) => streamName('reminderChannels', userId);
export const robotStream = (robotId: string) => streamName('reminderRobot', robotId);
export const calendarStream = (year: number) => streamName('reminderCalendar', String(year));

/** The offset's part of a reminder id: `before7`, `due`, `after1`; `escalation` for the bureau's. */
export const offsetKey = (offset: number): string =>
  offset < 0 ? `before${-offset}` : offset === 0 ? 'due' : `after${offset}`;
export const ESCALATION_KEY = 'escalation';

/** One reminder: an obligation, an offset (or the escalation), a person. No ':' (it names BullMQ jobs). */
export const reminderIdOf = (obligationId: string, key: string, userId: string) =>
  `${obligationId}.${key}.${userId}`.replace(/:/g, '.');
