import { EVIDENCE_EVENT_LABELS } from '../../../src/evidence/evidence.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: the events (src/evidence). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: { event: inLanguage(EVIDENCE_EVENT_LABELS, language) },
});

/** Evidence (印证资料): the archive browser, uploads, the events. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
