import { ORGANIZATIONAL_LIFE_EVENT_LABELS } from '../../../src/organizational-life/organizational-life.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

const fromServer = (language: 'zh' | 'en') => ({
  choices: { event: inLanguage(ORGANIZATIONAL_LIFE_EVENT_LABELS, language) },
});

/** Organisational life (组织生活, 三会一课): meetings, the month grid, lessons, typical cases, the events. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
