import type { RuleSetBody } from './rule-set.js';

/**
 * A Pucheng-style annual rule set (domain.md §7.2–7.3: 100 points deducted item by item, bonus capped at
 * 10, self 40 / superior 60, ≥90 先进 / 75–89 较好 / 60–74 一般 / <60 后进), naming only event types the
 * app writes. Organisational life (三会一课) and the instructors' monthly visits are `target` rules over their
 * features' events; sanctions (Example F) and criticism notices are deductions, 两优一先 awards a bonus; the leadership team and the archives stay with the assessor (site checks).
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
        {
          // Example F (domain.md §7.3): a member's Party sanction by its severity, one case counted once.
          id: 'sanctions',
          title: { zh: '党员受党纪处分', en: 'A member sanctioned' },
          kind: 'deduction',
          eventTypes: ['SanctionImposed'],
          filter: { data: { track: 'party' } },
          pointsEach: 3,
          severity: {
            field: 'measure',
            points: { warning: 3, serious_warning: 3, removal_from_party_posts: 5, party_probation: 5, expulsion: 5 },
          },
          distinctBy: 'caseId',
        },
        {
          id: 'criticism-notices',
          title: { zh: '被通报批评', en: 'A criticism notice' },
          kind: 'deduction',
          eventTypes: ['CriticismNoticeIssued'],
          pointsEach: 2,
          distinctBy: 'noticeId',
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
      // From the organisational-life and instructors features' events (issue 12), by business date: a quarter
      // without a general meeting or a lesson, a month without a theme Party day or, in a private unit, without
      // its instructor's visit, costs points until the section is spent.
      indicators: [
        {
          id: 'general-meetings',
          title: { zh: '支部党员大会每季度至少一次', en: 'A branch general meeting every quarter' },
          kind: 'target',
          eventTypes: ['OrgLifeMeetingRecorded'],
          filter: { data: { kind: 'branch_general_meeting' } },
          period: 'quarter',
          perPeriod: 1,
          deductionEach: 2,
        },
        {
          id: 'party-lessons',
          title: { zh: '党课每季度至少一次', en: 'A Party lesson every quarter' },
          kind: 'target',
          eventTypes: ['OrgLifeMeetingRecorded'],
          filter: { data: { kind: 'party_lesson' } },
          period: 'quarter',
          perPeriod: 1,
          deductionEach: 2,
        },
        {
          id: 'theme-days',
          title: { zh: '主题党日每月一次', en: 'A theme Party day every month' },
          kind: 'target',
          eventTypes: ['OrgLifeMeetingRecorded'],
          filter: { data: { kind: 'theme_party_day' } },
          period: 'month',
          perPeriod: 1,
          deductionEach: 1,
        },
        {
          id: 'instructor-visits',
          title: { zh: '党建指导员每月到民办单位指导（“1+2”）', en: "The instructor's monthly visit (private units)" },
          kind: 'target',
          eventTypes: ['InstructorVisitLogged'],
          filter: { unitTypes: ['private_school', 'private_kindergarten', 'offcampus_training_institution'] },
          period: 'month',
          perPeriod: 1,
          deductionEach: 1,
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
        {
          // The "1+2" campaign (seed 004): the pairing's teaching and Party-building activities.
          id: 'pairing-progress',
          title: { zh: '结对帮扶活动（1+2）', en: 'Pairing activities ("1+2")' },
          kind: 'bonus',
          eventTypes: ['TeachingActivityLogged', 'PartyBuildingActivityLogged'],
          pointsEach: 0.5,
          cap: 3,
        },
        {
          id: 'commended',
          title: { zh: '“两优一先”表彰', en: 'Commendations (两优一先)' },
          kind: 'bonus',
          eventTypes: ['CommendationAwarded'],
          pointsEach: 1,
          cap: 2,
        },
        {
          id: 'evidence-on-file',
          title: { zh: '佐证材料归档', en: 'Evidence on file' },
          kind: 'bonus',
          eventTypes: ['EvidenceFiled'],
          pointsEach: 0.5,
          cap: 2,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    // Ids from the glossary (domain.md §13: good, fairly_good, average, poor), names as Pucheng words them.
    { id: 'good', min: 90, name: { zh: '先进', en: 'Advanced' } },
    { id: 'fairly_good', min: 75, name: { zh: '较好', en: 'Fairly good' } },
    { id: 'average', min: 60, name: { zh: '一般', en: 'Average' } },
    { id: 'poor', min: 0, name: { zh: '后进', en: 'Lagging' } },
  ],
});
