import { addDays, addMonths } from '../core/time/local-date.js';
import type { OpenCase } from './development-case.js';
import { resubmissionAllowedOn, rulesInForceOn as rules } from './development-rules.js';
import type { StepKey } from './development-steps.js';
import { windowEnd } from './commands/step-support.js';
import { EARLIEST_ON } from './step-dates.js';

export interface CatalogueEntry {
  code: string;
  zh: string;
  en: string;
  /** Who is reminded first (§13 identifiers); the escalation target is the reminders feature's. */
  who: string;
  /** Whether the obligation is open for the case. */
  open: (c: OpenCase) => boolean;
  /** Its due date under the rule version in force on the date that opened it; null = "before the next step". */
  due: (c: OpenCase) => string | null;
  /**
   * The first day it can be met, when a rule forbids meeting it earlier (the deciders' EARLIEST_ON): the
   * minimum waits (A2, A8), the resubmission wait (A15), probation's expiry (A20, A21). Not a deadline.
   */
  notBefore?: (c: OpenCase) => string | null;
}

/** Opened by step `from`, closed by step `until`. */
const between = (from: StepKey, until: StepKey) => (c: OpenCase) => Boolean(c.done[from] && !c.done[until]);
const on = (c: OpenCase, key: StepKey) => c.done[key] as string;
/**
 * After a vote not to admit, the day a new vote is allowed. Judged here by the version in force on the
 * failed vote (the date that reopened A15); the decider judges by the new vote's date, which only differs
 * if a rule book with another wait takes effect in between.
 */
const resubmittableOn = (c: OpenCase): string | null =>
  c.lastFailedVoteOn ? resubmissionAllowedOn(c.lastFailedVoteOn, rules(c.lastFailedVoteOn)) : null;

/** A15's window runs from the pre-review, or for a resubmission from the end of the wait (as the decider). */
const admissionMeetingFrom = (c: OpenCase): string => {
  const resubmittable = resubmittableOn(c);
  return resubmittable && resubmittable > on(c, 'preReview') ? resubmittable : on(c, 'preReview');
};

const sinceLast = (last: string | null, c: OpenCase, every: (date: string) => number) => {
  const from = last ?? on(c, 'activist');
  return addMonths(from, every(from));
};

/** Catalogue §12 A1–A23 as data over a case. A7, A13 and A24 are not per-case deadlines. */
export const CATALOGUE: CatalogueEntry[] = [
  {
    code: 'A1',
    zh: '与入党申请人谈话',
    en: 'Talk with the applicant',
    who: 'branch_secretary',
    open: between('application', 'talk'),
    due: (c) => windowEnd(on(c, 'application'), rules(on(c, 'application')).talkWindow),
  },
  {
    code: 'A2',
    zh: '考虑确定入党积极分子',
    en: 'Consider the applicant for activist',
    who: 'branch_committee',
    open: (c) => between('talk', 'activist')(c) && rules(on(c, 'application')).activistMinimumWaitMonths > 0,
    // A minimum wait, not a deadline: the branch may not act before it ends, and need not act by any day.
    due: () => null,
    notBefore: (c) => EARLIEST_ON.activist!(c, rules(on(c, 'application'))),
  },
  {
    code: 'A3',
    zh: '积极分子报上级党委备案',
    en: 'File the activist',
    who: 'branch_secretary',
    open: between('activist', 'activistFiled'),
    due: (c) => on(c, 'activist'),
  },
  {
    code: 'A4',
    zh: '指定培养联系人',
    en: 'Assign cultivation contacts',
    who: 'branch_committee',
    open: between('activist', 'contacts'),
    due: (c) => on(c, 'activist'),
  },
  {
    code: 'A5',
    zh: '半年考察积极分子',
    en: 'Half-yearly assessment',
    who: 'branch_committee',
    open: between('activist', 'candidate'),
    due: (c) => sinceLast(c.lastAssessmentOn, c, (d) => rules(d).assessmentEveryMonths),
  },
  {
    code: 'A6',
    zh: '思想汇报',
    en: 'Thought report',
    who: 'activist',
    open: between('activist', 'conversionApproval'),
    due: (c) => sinceLast(c.lastThoughtReportOn, c, (d) => rules(d).thoughtReportEveryMonths),
  },
  {
    code: 'A8',
    zh: '可确定为发展对象',
    en: 'Earliest listing as candidate',
    who: 'branch_committee',
    open: between('activist', 'candidate'),
    // Art. 13: the earliest day, not a deadline (the decider refuses an earlier listing).
    due: () => null,
    notBefore: (c) => EARLIEST_ON.candidate!(c, rules(on(c, 'activist'))),
  },
  {
    code: 'A10',
    zh: '发展对象报上级党委备案',
    en: 'File the candidate',
    who: 'branch_secretary',
    open: between('candidate', 'candidateFiled'),
    due: (c) => on(c, 'candidate'),
  },
  {
    code: 'A11',
    zh: '完成政治审查',
    en: 'Complete the political review',
    who: 'branch_committee',
    open: between('candidate', 'politicalReview'),
    due: () => null,
  },
  {
    code: 'A12',
    zh: '参加集中培训',
    en: 'Concentrated training',
    who: 'bureau_party_office',
    open: between('candidate', 'training'),
    due: () => null,
  },
  {
    code: 'A14',
    zh: '预审',
    en: 'Pre-review',
    who: 'bureau_party_office',
    open: between('branchReview', 'preReview'),
    due: (c) => windowEnd(on(c, 'branchReview'), rules(on(c, 'branchReview')).preReviewWindow),
  },
  {
    code: 'A15',
    zh: '召开支部大会讨论接收',
    en: 'Branch admission meeting',
    who: 'branch_secretary',
    open: between('preReview', 'admissionVote'),
    due: (c) => windowEnd(admissionMeetingFrom(c), rules(admissionMeetingFrom(c)).admissionMeetingWindow),
    notBefore: resubmittableOn,
  },
  {
    code: 'A16',
    zh: '审批接收预备党员',
    en: 'Approve the admission',
    who: 'bureau_party_committee',
    open: between('admissionVote', 'approval'),
    due: (c) => addMonths(on(c, 'admissionVote'), rules(on(c, 'admissionVote')).approvalMonths),
  },
  {
    code: 'A17',
    zh: '审批结果报组织部门备案',
    en: 'File the approval',
    who: 'bureau_party_office',
    open: between('approval', 'approvalFiled'),
    due: (c) => on(c, 'approval'),
  },
  {
    code: 'A18',
    zh: '入党宣誓',
    en: 'Admission oath',
    who: 'branch_secretary',
    open: between('approval', 'oath'),
    due: (c) => windowEnd(on(c, 'approval'), rules(on(c, 'approval')).oathWindow),
  },
  {
    code: 'A19',
    zh: '提交转正申请',
    en: 'Conversion application',
    who: 'probationary_member',
    open: between('approval', 'conversionApplication'),
    due: (c) => addDays(c.probationEnd as string, -rules(c.probationEnd as string).conversionApplicationLeadDays),
  },
  {
    code: 'A20',
    zh: '召开支部大会讨论转正',
    en: 'Conversion meeting',
    who: 'branch_secretary',
    open: (c) => between('approval', 'conversionMeeting')(c) && !c.extended && !c.done.conversionApproval,
    // On or after expiry, "promptly": not before the day, and late the day after.
    due: (c) => c.probationEnd,
    notBefore: (c) => c.probationEnd,
  },
  {
    code: 'A21',
    zh: '延长预备期期满',
    en: 'Extended probation ends',
    who: 'branch_secretary',
    open: (c) => c.extended && !c.done.conversionMeeting,
    due: (c) => c.probationEnd,
    notBefore: (c) => c.probationEnd,
  },
  {
    code: 'A22',
    zh: '审批转正',
    en: 'Approve the conversion',
    who: 'bureau_party_committee',
    open: (c) => c.pendingResolution !== null,
    due: (c) => addMonths(c.pendingResolution!.on, rules(c.pendingResolution!.on).conversionApprovalMonths),
  },
  {
    code: 'A23',
    zh: '材料归档',
    en: 'Archive the materials',
    who: 'branch_secretary',
    open: between('conversionApproval', 'archived'),
    due: (c) => addDays(on(c, 'conversionApproval'), rules(on(c, 'conversionApproval')).archiveWithinDays),
  },
];
