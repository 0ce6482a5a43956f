import type { RuleSetBody } from './rule-set.js';

/**
 * A Pucheng-style annual rule set (domain.md §7.2–7.3: 100 points deducted item by item, bonus capped at
 * 10, self 40 / superior 60, ≥90 先进 / 75–89 较好 / 60–74 一般 / <60 后进), naming only event types the
 * app writes today. Organisational life (三会一课), instructor visits and the "1+2" campaign's pairing are
 * scored by the assessor until their features' events land; then their items become `target` rules.
 * `admittedEach` differs between the demo's two years, so the versions are not the same rules.
 */
export const puchengRuleSet = (year: number, admittedEach = 5): RuleSetBody => ({
  title: {
    zh: `蒲城县教育系统${year}年度党建工作目标责任考核细则`,
    en: `Pucheng education system ${year} Party-building assessment rules`,
  },
  sections: [
    {
      id: 'organisation',
      title: { zh: '组织建设', en: 'Organisation' },
      maxPoints: 25,
      start: 'full',
      indicators: [
        {
          id: 'leadership',
          title: { zh: '领导班子建设（查资料、看现场）', en: 'Leadership team (records and site check)' },
          kind: 'manual',
          maxPoints: 10,
        },
        {
          id: 'lapsed-members',
          title: { zh: '党员自行脱党', en: 'A member lapsed' },
          kind: 'deduction',
          eventTypes: ['MemberRemoved'],
          filter: { data: { reason: 'lapsed' } },
          pointsEach: 3,
          distinctBy: 'memberId',
        },
      ],
    },
    {
      id: 'members',
      title: { zh: '党员发展', en: 'Membership development' },
      maxPoints: 25,
      start: 'zero',
      indicators: [
        {
          id: 'admitted',
          title: { zh: '接收预备党员', en: 'Probationary members admitted' },
          kind: 'count',
          eventTypes: ['AdmissionApproved'],
          pointsEach: admittedEach,
          cap: 15,
        },
        {
          id: 'converted',
          title: { zh: '预备党员按期转正', en: 'Probationary members converted' },
          kind: 'count',
          eventTypes: ['ConversionApproved'],
          pointsEach: 5,
          cap: 10,
        },
      ],
    },
    {
      id: 'procedure',
      title: { zh: '发展程序规范', en: 'Development procedure' },
      maxPoints: 20,
      start: 'full',
      indicators: [
        {
          id: 'not-approved',
          title: { zh: '上报材料未获批准', en: 'A case not approved by the higher committee' },
          kind: 'deduction',
          eventTypes: ['AdmissionNotApproved', 'ConversionNotApproved'],
          pointsEach: 2,
          distinctBy: 'personId',
          cap: 10,
        },
      ],
    },
    {
      id: 'organisational-life',
      title: { zh: '组织生活（三会一课、主题党日）', en: 'Organisational life' },
      maxPoints: 20,
      start: 'full',
      indicators: [
        {
          id: 'three-meetings',
          title: { zh: '“三会一课”落实情况（查记录）', en: 'Three meetings and one lesson (records)' },
          kind: 'manual',
          maxPoints: 20,
        },
      ],
    },
    {
      id: 'archives',
      title: { zh: '阵地与档案（“五个规范”）', en: 'Facilities and archives ("five norms")' },
      maxPoints: 10,
      start: 'full',
      indicators: [
        {
          id: 'archives-check',
          title: { zh: '党建档案分类归档', en: 'Party records filed by category' },
          kind: 'manual',
          maxPoints: 10,
        },
      ],
    },
    {
      id: 'negative-list',
      title: { zh: '负面清单', en: 'Negative list' },
      maxPoints: 0,
      start: 'full',
      indicators: [
        {
          id: 'expulsion',
          title: { zh: '党员被开除党籍（一票否决）', en: 'A member expelled (veto)' },
          kind: 'veto',
          eventTypes: ['MemberRemoved'],
          filter: { data: { reason: 'expelled' } },
          capAt: 'average',
        },
      ],
    },
    {
      id: 'bonus',
      title: { zh: '加分项', en: 'Bonus' },
      maxPoints: 10,
      start: 'zero',
      indicators: [
        {
          id: 'archived',
          title: { zh: '发展材料及时归档', en: 'Development materials archived' },
          kind: 'bonus',
          eventTypes: ['MaterialsArchived'],
          pointsEach: 1,
          cap: 5,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    { id: 'advanced', min: 90, name: { zh: '先进', en: 'Advanced' } },
    { id: 'good', min: 75, name: { zh: '较好', en: 'Good' } },
    { id: 'average', min: 60, name: { zh: '一般', en: 'Average' } },
    { id: 'lagging', min: 0, name: { zh: '后进', en: 'Lagging' } },
  ],
});
