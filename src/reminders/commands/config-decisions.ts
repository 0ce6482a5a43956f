import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { name, says, text } from '../../core/http/validation.js';
import { parseCalendarYear } from '../../core/time/china-holidays.js';
import {
  CHANNELS,
  ROBOT_KINDS,
  type ReminderChannelsChosen,
  type ReminderRobotConfigured,
  type ReminderRobotRemoved,
  type ReminderSettingsChanged,
  type WorkingCalendarYearSet,
} from '../reminders.events.js';
import type { Robot } from '../reminders.js';

/** Bodies of the configuration routes. */
export const settingsBody = z.strictObject({
  offsets: z.array(z.number().int().min(-30).max(30)).min(1).max(8),
  escalateAfterWorkingDays: z.number().int().min(1).max(60),
  sendHour: z.number().int().min(0).max(23),
  digestHour: z.number().int().min(0).max(23),
});
export const channelsBody = z.strictObject({
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  email: z
    .email({ message: says('不是有效的电子邮件地址', 'is not a valid email address') })
    .max(200)
    .nullish(),
  digest: z.boolean().default(false),
});
export const robotBody = z.strictObject({
  name: name(60),
  kind: z.enum(ROBOT_KINDS),
  url: z.url({ protocol: /^https?$/, message: says('应为 http(s) 地址', 'must be an http(s) URL') }).max(500),
  secret: text(200).nullish(),
  unitId: z.string().min(1).max(100).nullish(),
});
export const snoozeBody = z.strictObject({
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: says('日期格式应为 YYYY-MM-DD', 'must be a date as YYYY-MM-DD') }),
  reason: text(500),
});

/** For the docs only: the body is checked by the time kernel's parseCalendarYear, which names each bad date. */
export const calendarBody = z.strictObject({
  holidays: z.array(z.string()).max(366),
  makeUpWorkdays: z.array(z.string()).max(366),
});

/** The bureau's settings: offsets once each, in order; escalation after the last overdue reminder. */
export const changeSettings = (data: z.output<typeof settingsBody>): ReminderSettingsChanged => {
  const offsets = [...data.offsets].sort((a, b) => a - b);
  const twice = offsets.find((offset, index) => offsets.indexOf(offset) !== index);
  if (twice !== undefined)
    throw new DomainError(
      'reminder.offset-twice',
      { zh: `提醒时点 ${twice} 重复`, en: `The offset ${twice} is given twice` },
      'offsets',
    );
  return { type: 'ReminderSettingsChanged', data: { ...data, offsets } };
};

/** A user's channels: the inbox always; email and the digest need an address. */
export const chooseChannels = (userId: string, data: z.output<typeof channelsBody>): ReminderChannelsChosen => {
  const channels = [...new Set(['inbox' as const, ...data.channels])];
  const email = data.email ?? null;
  if ((channels.includes('email') || data.digest) && !email)
    throw new DomainError(
      'reminder.email-needed',
      {
        zh: '选择邮件提醒或每日汇总时须填写电子邮件地址',
        en: 'Email reminders and the daily digest need an email address',
      },
      'email',
    );
  return { type: 'ReminderChannelsChosen', data: { userId, channels, email, digest: data.digest } };
};

/** A DingTalk robot with "加签" security carries a secret starting SEC; WeCom robots have none. */
export const configureRobot = (
  state: Robot,
  robotId: string,
  data: z.output<typeof robotBody>,
): ReminderRobotConfigured => {
  if (state.status === 'removed')
    throw new DomainError(
      'reminder.robot-removed',
      { zh: '该机器人已移除', en: 'This robot was removed' },
      'robotId',
      409,
    );
  if (data.kind === 'wecom' && data.secret)
    throw new DomainError(
      'reminder.wecom-no-secret',
      { zh: '企业微信群机器人不使用签名密钥', en: 'WeCom group robots take no signing secret' },
      'secret',
    );
  return {
    type: 'ReminderRobotConfigured',
    data: {
      robotId,
      name: data.name,
      kind: data.kind,
      url: data.url,
      secret: data.secret ?? null,
      unitId: data.unitId ?? null,
    },
    metadata: { unitIds: data.unitId ? [data.unitId] : [] },
  };
};

export const removeRobot = (state: Robot, robotId: string): ReminderRobotRemoved => {
  if (state.status !== 'active')
    throw new DomainError(
      'not-found',
      { zh: `未找到群机器人：${robotId}`, en: `Robot not found: ${robotId}` },
      undefined,
      404,
    );
  return { type: 'ReminderRobotRemoved', data: { robotId } };
};

/** One year's notice, checked by the time kernel's own parser; every problem names its field. */
export const setCalendarYear = (body: unknown): WorkingCalendarYearSet => {
  const parsed = parseCalendarYear(body);
  if (!parsed.ok) {
    const [first] = parsed.errors;
    throw new DomainError(
      'reminder.calendar-invalid',
      {
        zh: `节假日安排有误：${parsed.errors.join('；')}`,
        en: `The holiday calendar is invalid: ${parsed.errors.join('; ')}`,
      },
      first.split(':')[0].replace(/\[(\d+)\]/, '.$1'),
    );
  }
  return { type: 'WorkingCalendarYearSet', data: parsed.value };
};
