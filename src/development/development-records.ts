import type { CommandKey } from './development-steps.js';
import type { DevelopmentStepEvent } from './development.events.js';

export interface RecordTitle {
  zh: string;
  en: string;
}

const r = (zh: string, en: string): RecordTitle => ({ zh, en });

/**
 * The documents each step normally produces (domain.md §4.2, column "Record"), archived per person under
 * 一人一档、一事一记、一步一审. Offered as suggestions when a step or a later record is entered; any
 * other title is accepted, since local practice adds its own forms.
 */
export const EXPECTED_RECORDS: Record<CommandKey, RecordTitle[]> = {
  application: [r('入党申请书', 'Application letter')],
  talk: [r('谈话记录', 'Talk record')],
  activist: [
    r('推荐票', 'Recommendation ballots'),
    r('推荐情况统计表', 'Tally of recommendations'),
    r('支部委员会会议记录', 'Branch committee minutes'),
  ],
  activistFiled: [
    r('入党积极分子备案报告', 'Filing report'),
    r('上级党委备案回复', "Higher committee's written reply"),
  ],
  contacts: [r('培养联系人指定记录', 'Record of the assigned cultivation contacts')],
  cultivation: [
    r('入党积极分子培养教育考察登记表', 'Activist cultivation and assessment register'),
    r('半年考察意见', 'Half-yearly assessment'),
    r('思想汇报', 'Thought report'),
  ],
  thoughtReport: [r('思想汇报', 'Thought report')],
  candidate: [
    r('支部委员会会议记录', 'Branch committee minutes'),
    r('发展对象公示', 'Publicity notice'),
    r('公示结果', 'Publicity outcome'),
  ],
  candidateFiled: [r('发展对象备案报告', 'Filing report'), r('上级党委备案回复', "Higher committee's written reply")],
  introducers: [
    r('入党介绍人确定记录', 'Record of the appointed introducers'),
    r('入党志愿书（入党介绍人意见）', "Admission form (introducers' opinion)"),
  ],
  politicalReview: [
    r('政治审查综合材料', 'Comprehensive political-review report'),
    r('函调材料', 'Letters of inquiry (函调)'),
    r('外调材料', 'Visit records (外调)'),
  ],
  training: [r('培训结业证书', 'Training certificate'), r('培训记录', 'Training record')],
  branchReview: [r('支部委员会会议记录', 'Branch committee minutes')],
  preReview: [r('上级党委预审意见', 'Written pre-review result')],
  admissionForm: [r('中国共产党入党志愿书', 'Admission form (入党志愿书)')],
  admissionVote: [
    r('支部大会决议', 'Branch general meeting resolution'),
    r('表决票', 'Ballots'),
    r('支部大会会议记录', 'Meeting minutes'),
    r('书面意见', 'Written opinions of absent members'),
  ],
  interview: [r('谈话记录及意见', 'Talk record and opinion')],
  approval: [r('上级党委审批意见', 'Approval (entered in the admission form)'), r('审批通知', 'Notice of approval')],
  approvalFiled: [r('备案报告', 'Filing report')],
  assigned: [r('党员名册登记', 'Roster entry')],
  oath: [r('入党宣誓记录', 'Oath record'), r('宣誓照片', 'Oath photos'), r('签到表', 'Sign-in sheet')],
  observation: [r('预备党员考察表', 'Probationary member observation form'), r('思想汇报', 'Thought report')],
  conversionApplication: [r('转正申请书', 'Application for full membership')],
  conversionMeeting: [
    r('支部大会决议', 'Branch general meeting resolution'),
    r('表决票', 'Ballots'),
    r('支部大会会议记录', 'Meeting minutes'),
    r('转正公示', 'Publicity notice'),
  ],
  conversionApproval: [r('上级党委审批意见', 'Approval of conversion'), r('审批通知', 'Notice of approval')],
  archived: [
    r('材料归档清单', 'List of archived materials'),
    r('入党志愿书', 'Admission form'),
    r('入党申请书', 'Application letter'),
    r('政治审查材料', 'Political-review materials'),
    r('转正申请书', 'Application for full membership'),
    r('培养教育考察材料', 'Cultivation and observation materials'),
  ],
};

/** The step (or recurring record) each step event records: where its `records` show on the case. */
export const EVENT_STEP: Record<DevelopmentStepEvent['type'], CommandKey> = {
  ApplicationSubmitted: 'application',
  ApplicantTalkHeld: 'talk',
  ActivistDetermined: 'activist',
  ActivistFiled: 'activistFiled',
  CultivationContactsAssigned: 'contacts',
  ActivistAssessed: 'cultivation',
  ThoughtReportRecorded: 'thoughtReport',
  CandidateDetermined: 'candidate',
  CandidateFiled: 'candidateFiled',
  IntroducersAppointed: 'introducers',
  PoliticalReviewConcluded: 'politicalReview',
  ConcentratedTrainingCompleted: 'training',
  BranchCommitteeReviewed: 'branchReview',
  PreReviewConcluded: 'preReview',
  AdmissionFormIssued: 'admissionForm',
  AdmissionVoteHeld: 'admissionVote',
  HigherCommitteeInterviewHeld: 'interview',
  AdmissionApproved: 'approval',
  AdmissionNotApproved: 'approval',
  AdmissionFiled: 'approvalFiled',
  AssignedToBranchAndGroup: 'assigned',
  OathTaken: 'oath',
  ProbationObservationRecorded: 'observation',
  ConversionApplicationSubmitted: 'conversionApplication',
  ConversionMeetingHeld: 'conversionMeeting',
  ConversionApproved: 'conversionApproval',
  ConversionNotApproved: 'conversionApproval',
  MaterialsArchived: 'archived',
};
