import { COMMENDATION_EVENT_LABELS, TITLE_LABELS } from '../../../src/commendations/commendations.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    event: inLanguage(COMMENDATION_EVENT_LABELS, language),
    commendationTitle: inLanguage(TITLE_LABELS, language),
  },
});

/** Commendations (两优一先): cycles and the board. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
