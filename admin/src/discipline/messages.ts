import {
  DISCIPLINE_EVENT_LABELS,
  MEASURE_LABELS,
  PROBATIONARY_MEASURE_LABELS,
} from '../../../src/discipline/discipline.events.js';
import { RIGHT_LABELS } from '../../../src/discipline/eligibility.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: events, measures, rights (src/discipline). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    event: inLanguage(DISCIPLINE_EVENT_LABELS, language),
    partySanction: inLanguage(MEASURE_LABELS.party, language),
    administrativeSanction: inLanguage(MEASURE_LABELS.administrative, language),
    probationaryMeasure: inLanguage(PROBATIONARY_MEASURE_LABELS, language),
    right: inLanguage(RIGHT_LABELS, language),
  },
});

/** Discipline: cases, their decisions, the eligibility look-up. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
