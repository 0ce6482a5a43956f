import { INSTRUCTOR_EVENT_LABELS, VISIT_DUTY_LABELS } from '../../../src/instructors/instructors.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: the visit duties and the events (src/instructors). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    visitDuty: inLanguage(VISIT_DUTY_LABELS, language),
    event: inLanguage(INSTRUCTOR_EVENT_LABELS, language),
  },
});

/** Party-building instructors: dispatches, visits, the month calendar, affiliated organisations' confirmations. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
