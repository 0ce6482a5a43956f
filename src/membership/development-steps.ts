/** The 5 stages and 25 steps (domain.md §4.2): the conventional numbering, with each step's key in the case. */
export const STEPS = [
  { key: 'application', stage: 1, zh: '递交入党申请书', en: 'Submit written application' },
  { key: 'talk', stage: 1, zh: '党组织派人谈话', en: 'Talk with the applicant' },
  { key: 'activist', stage: 2, zh: '确定入党积极分子', en: 'Determine activist' },
  { key: 'activistFiled', stage: 2, zh: '积极分子报上级党委备案', en: 'File the activist' },
  { key: 'contacts', stage: 2, zh: '指定培养联系人', en: 'Assign cultivation contacts' },
  { key: 'cultivation', stage: 2, zh: '培养教育考察', en: 'Cultivate and assess' },
  { key: 'candidate', stage: 3, zh: '确定发展对象', en: 'Determine development candidate' },
  { key: 'candidateFiled', stage: 3, zh: '发展对象报上级党委备案', en: 'File the candidate' },
  { key: 'introducers', stage: 3, zh: '确定入党介绍人', en: 'Appoint introducers' },
  { key: 'politicalReview', stage: 3, zh: '进行政治审查', en: 'Political review' },
  { key: 'training', stage: 3, zh: '开展集中培训', en: 'Concentrated training' },
  { key: 'branchReview', stage: 4, zh: '支部委员会审查', en: 'Branch committee review' },
  { key: 'preReview', stage: 4, zh: '上级党委预审', en: 'Pre-review' },
  { key: 'admissionForm', stage: 4, zh: '填写入党志愿书', en: 'Admission form' },
  { key: 'admissionVote', stage: 4, zh: '支部大会讨论', en: 'Branch general meeting vote' },
  { key: 'interview', stage: 4, zh: '上级党委派人谈话', en: "Higher committee's interview" },
  { key: 'approval', stage: 4, zh: '上级党委审批', en: 'Approval' },
  { key: 'approvalFiled', stage: 4, zh: '再上一级党委组织部门备案', en: 'File the approval' },
  { key: 'assigned', stage: 5, zh: '编入党支部和党小组', en: 'Assign to branch and group' },
  { key: 'oath', stage: 5, zh: '入党宣誓', en: 'Admission oath' },
  { key: 'observation', stage: 5, zh: '继续教育考察', en: 'Continued observation' },
  { key: 'conversionApplication', stage: 5, zh: '提出转正申请', en: 'Conversion application' },
  { key: 'conversionMeeting', stage: 5, zh: '支部大会讨论转正', en: 'Conversion meeting' },
  { key: 'conversionApproval', stage: 5, zh: '上级党委审批转正', en: 'Conversion approval' },
  { key: 'archived', stage: 5, zh: '材料归档', en: 'Archive materials' },
] as const;

export type StepKey = (typeof STEPS)[number]['key'];

/** 1-based step number of a key, as in the 25-step convention. */
export const stepNumber = (key: StepKey): number => STEPS.findIndex((step) => step.key === key) + 1;

export const stepOf = (key: StepKey) => STEPS[stepNumber(key) - 1];
