import { ASSESSMENT_EVENT_LABELS } from '../../../src/assessment/assessment.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';

/** The annual assessment in Simplified Chinese: its rules, scores and events. */
const zh = {
  resources: {
    'assessment-rules': {
      name: '考核细则',
      fields: { year: '年度', title: '名称', revision: '草稿版本', versions: '已发布版本数', updatedAt: '更新时间' },
    },
    'assessment-scores': {
      name: '考核得分',
      fields: { rank: '名次', name: '单位', total: '得分', grade: '等次' },
    },
  },
};

const en: typeof zh = {
  resources: {
    'assessment-rules': {
      name: 'Assessment rules',
      fields: { year: 'Year', title: 'Title', revision: 'Draft revision', versions: 'Versions', updatedAt: 'Updated' },
    },
    'assessment-scores': {
      name: 'Assessment scores',
      fields: { rank: 'Rank', name: 'Unit', total: 'Score', grade: 'Grade' },
    },
  },
};

/** What the server names in both languages: the events (src/assessment). */
const fromServer = (language: 'zh' | 'en') => ({ choices: { event: inLanguage(ASSESSMENT_EVENT_LABELS, language) } });

export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
