import { DATA_FIELDS } from '../../../src/audit/field-labels';
import { inLanguage } from '../i18n/labels.js';

type Labels = Record<string, { zh: string; en: string }>;

const WORDS: Labels = {
  unnamed: { zh: '（名称未登记）', en: '(no name recorded)' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  when: { zh: '时间', en: 'When' },
  occurred_on: { zh: '发生于 %{on}', en: 'on %{on}' },
  recorded_at: { zh: '记录于 %{at}', en: 'recorded %{at}' },
  // Punctuation differs between the languages: full-width in Chinese.
  field: { zh: '%{label}：', en: '%{label}: ' },
  next_field: { zh: '；', en: '; ' },
  next_item: { zh: '、', en: ', ' },
  next_count: { zh: '，', en: ', ' },
  roles: { zh: '（%{roles}）', en: ' (%{roles})' },
};

/** The `activity` messages of one language: the data fields' labels and the log's own words. */
export const activityMessages = (language: 'zh' | 'en') => ({
  data: inLanguage(DATA_FIELDS, language),
  ...inLanguage(WORDS, language),
});
