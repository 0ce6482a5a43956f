import { CHANNEL_LABELS, REMINDER_EVENT_LABELS, ROBOT_KIND_LABELS } from '../../../src/reminders/reminders.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: the events, the channels and the robots' kinds (src/reminders). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    event: inLanguage(REMINDER_EVENT_LABELS, language),
    reminderChannel: inLanguage(CHANNEL_LABELS, language),
    robotKind: inLanguage(ROBOT_KIND_LABELS, language),
  },
});

/** Reminders: inbox, log, overview, deliveries, robots, settings. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
