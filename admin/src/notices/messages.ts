import { NOTICE_EVENT_LABELS } from '../../../src/notices/notices.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: the events (src/notices). */
const fromServer = (language: 'zh' | 'en') => ({ choices: { event: inLanguage(NOTICE_EVENT_LABELS, language) } });

/** Criticism notices: suggestions, drafting, approval, issue, circulation, acknowledgements, rectification. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
