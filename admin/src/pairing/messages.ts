import {
  PAIRING_EVENT_LABELS,
  PARTY_BUILDING_KIND_LABELS,
  STUDENT_SITUATION_LABELS,
  SUPPORT_KIND_LABELS,
  TEACHING_KIND_LABELS,
} from '../../../src/pairing/pairing.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';

/** What the server names in both languages: the events and the kinds of work (src/pairing). */
const fromServer = (language: 'zh' | 'en') => ({
  choices: {
    event: inLanguage(PAIRING_EVENT_LABELS, language),
    pairingTeaching: inLanguage(TEACHING_KIND_LABELS, language),
    pairingPartyBuilding: inLanguage(PARTY_BUILDING_KIND_LABELS, language),
    pairingSupport: inLanguage(SUPPORT_KIND_LABELS, language),
    pairingSituation: inLanguage(STUDENT_SITUATION_LABELS, language),
  },
});

/** Pairing communities (帮扶共同体): the list, the page with its progress bars and log, the forms. */
export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
