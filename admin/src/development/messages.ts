import { DEVELOPMENT_EVENT_LABELS } from '../../../src/development/development.events.js';
import { STEPS } from '../../../src/development/development-steps.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** The 25 steps' titles, for a record attached to one (DevelopmentRecordAttached's `step`). */
const stepTitles = (language: 'zh' | 'en') => Object.fromEntries(STEPS.map((step) => [step.key, step[language]]));

/** What the server names in both languages: the steps and the events (src/development). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    developmentStep: stepTitles(language),
    event: inLanguage(DEVELOPMENT_EVENT_LABELS, language),
  },
});

/** Membership development (发展党员): the cases, their steps and records, the pipeline board, the events. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
