import { ASSESSMENT_EVENT_LABELS } from '../../../src/assessment/assessment.events.js';
import { inLanguage } from '../i18n/labels.js';
import { mergeFeatureMessages } from '../i18n/merge.js';

/** The annual assessment in Simplified Chinese: its rules, scores and events. */
const zh = {
  resources: {
    'assessment-rules': {
      name: '考核细则',
      fields: {
        year: '年度',
        title: '名称',
        revision: '草稿版本',
        versions: '已发布版本数',
        updatedAt: '更新时间',
        effectiveOn: '生效日期',
      },
      versions: '已发布版本',
      unpublished: '尚未发布',
      draft: '草稿（JSON，第 %{revision} 次修改）',
      errors: '细则中的错误',
      check: '检查',
      valid: '细则无误',
      saved: '草稿已保存',
      publish: '发布新版本',
      published: '已发布新版本',
      newYear: '新建下一年度（复制最近一年）',
      whatIf: '试算（草稿与现行版本对比）',
      draftColumn: '按草稿',
      change: '变化',
      empty: '尚无考核细则',
    },
    'assessment-scores': {
      name: '考核排名',
      fields: { year: '年度', rank: '名次', name: '单位', total: '得分', grade: '等次' },
      under: '第 %{version} 版细则（%{effectiveOn} 起施行），计至 %{asOf}',
      empty: '本年度尚未发布考核细则，暂无得分',
      explanation: '得分明细',
      recordedAt: '记录于',
      vetoed: '一票否决',
    },
  },
};

const en: typeof zh = {
  resources: {
    'assessment-rules': {
      name: 'Assessment rules',
      fields: {
        year: 'Year',
        title: 'Title',
        revision: 'Draft revision',
        versions: 'Versions',
        updatedAt: 'Updated',
        effectiveOn: 'Effective from',
      },
      versions: 'Published versions',
      unpublished: 'Not published yet',
      draft: 'Draft (JSON, revision %{revision})',
      errors: 'Errors in the rules',
      check: 'Check',
      valid: 'The rules are valid',
      saved: 'Draft saved',
      publish: 'Publish a new version',
      published: 'New version published',
      newYear: 'Start the next year (copy the latest)',
      whatIf: 'What-if (draft against the version in force)',
      draftColumn: 'Under the draft',
      change: 'Change',
      empty: 'No assessment rules yet',
    },
    'assessment-scores': {
      name: 'Assessment ranking',
      fields: { year: 'Year', rank: 'Rank', name: 'Unit', total: 'Score', grade: 'Grade' },
      under: 'Rules version %{version} (in force from %{effectiveOn}), counted to %{asOf}',
      empty: 'No rules published for this year: no scores yet',
      explanation: 'Score explained',
      recordedAt: 'recorded',
      vetoed: 'Veto',
    },
  },
};

/** What the server names in both languages: the events (src/assessment). */
const fromServer = (language: 'zh' | 'en') => ({ choices: { event: inLanguage(ASSESSMENT_EVENT_LABELS, language) } });

export const messages = mergeFeatureMessages([
  { zh, en },
  { zh: fromServer('zh'), en: fromServer('en') },
]);
