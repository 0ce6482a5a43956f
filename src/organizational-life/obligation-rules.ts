import type { Bilingual } from '../core/errors.js';
import type { MeetingKind } from './organizational-life.events.js';

export type PeriodKind = 'month' | 'quarter' | 'year';

/**
 * B1–B7 (domain.md §12): which kind of meeting is owed per period, by whom, and for which branches. Each is
 * due on the last day of its period and met by one meeting of the kind held in it (a general meeting only if
 * quorate). `applies`: 'all' branches; those with a 'committee' elected (B2); those with 'groups', known to
 * the roster only through a group leader's post (B3).
 */
export interface ObligationRule {
  code: string;
  kind: MeetingKind;
  period: PeriodKind;
  applies: 'all' | 'committee' | 'groups';
  who: string;
  title: Bilingual;
}

export const OBLIGATION_RULES: readonly ObligationRule[] = [
  {
    code: 'B1',
    kind: 'branch_general_meeting',
    period: 'quarter',
    applies: 'all',
    who: 'branch_secretary',
    title: { zh: '每季度召开一次支部党员大会', en: 'A branch general meeting each quarter' },
  },
  {
    code: 'B2',
    kind: 'branch_committee_meeting',
    period: 'month',
    applies: 'committee',
    who: 'branch_secretary',
    title: { zh: '每月召开一次支部委员会会议', en: 'A branch committee meeting each month' },
  },
  {
    code: 'B3',
    kind: 'party_group_meeting',
    period: 'month',
    applies: 'groups',
    who: 'party_group_leader',
    title: { zh: '每月召开一次党小组会', en: 'A Party group meeting each month' },
  },
  {
    code: 'B4',
    kind: 'party_lesson',
    period: 'quarter',
    applies: 'all',
    who: 'branch_secretary',
    title: { zh: '每季度上一次党课', en: 'A Party lesson each quarter' },
  },
  {
    code: 'B5',
    kind: 'theme_party_day',
    period: 'month',
    applies: 'all',
    who: 'branch_secretary',
    title: { zh: '每月开展一次主题党日', en: 'A theme Party day each month' },
  },
  {
    code: 'B6',
    kind: 'org_life_meeting',
    period: 'year',
    applies: 'all',
    who: 'branch_secretary',
    title: {
      zh: '每年召开一次组织生活会（一般在第四季度）',
      en: 'An organisational life meeting each year (usually Q4)',
    },
  },
  {
    code: 'B7',
    kind: 'member_democratic_appraisal',
    period: 'year',
    applies: 'all',
    who: 'branch_secretary',
    title: { zh: '每年开展一次民主评议党员', en: 'A democratic appraisal of members each year' },
  },
];

export const ruleOf = (kind: MeetingKind): ObligationRule => OBLIGATION_RULES.find((rule) => rule.kind === kind)!;
