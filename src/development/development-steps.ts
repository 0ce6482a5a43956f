/** Where a case stands: open, or ended by a refusal, a cancellation or conversion. */
export type CaseStatus = 'open' | 'not_admitted' | 'cancelled' | 'full_member';

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

/** Records that move no step of their own but are sent on a case like one (A6 thought reports). */
export const RECORDS = [{ key: 'thoughtReport', zh: '记录思想汇报', en: 'Record a thought report' }] as const;
export type RecordKey = (typeof RECORDS)[number]['key'];

/** Anything a case may be sent: one of the 25 steps or a record. */
export type CommandKey = StepKey | RecordKey;

export interface StepRule {
  /** The steps done first: every decider's `follows` and the case's `nextSteps` read exactly these. */
  after: StepKey[];
  /** The route under /api/development (POST); `:id` is the case. */
  path: string;
  /** The permission its route declares, `@Allow('development', action)` (the catalogue spec checks it). */
  action: 'create' | 'edit' | 'approve';
  /**
   * Taken by the basic-level Party committee with approval authority over the case (domain.md §4.1):
   * the bureau's roles, or a secretary of that committee; never a branch or a general branch.
   */
  authority?: 'approving_committee';
  /** Recorded again and again until this step is done (assessments, observations, thought reports). */
  until?: StepKey;
  /** The case statuses in which it may be sent; `open` unless said. */
  statuses?: CaseStatus[];
}

const edit = (after: StepKey[], route: string, extra: Partial<StepRule> = {}): StepRule => ({
  after,
  path: `cases/:id/${route}`,
  action: 'edit',
  ...extra,
});

/** A step of the higher committee with approval authority (steps 13, 16, 17, 18, 24). */
const committee = (after: StepKey[], route: string): StepRule =>
  edit(after, route, { action: 'approve', authority: 'approving_committee' });

/**
 * ORDER of the steps (§4.2 "Preconditions"): the one copy the deciders, the case read's `nextSteps` and
 * the admin (through GET /api/development/catalogue) all use.
 */
export const STEP_RULES: Record<CommandKey, StepRule> = {
  application: { after: [], path: 'cases', action: 'create' },
  talk: edit(['application'], 'talk'),
  activist: edit(['talk'], 'activist'),
  activistFiled: edit(['activist'], 'activist-filing'),
  contacts: edit(['activist'], 'contacts'),
  cultivation: edit(['contacts'], 'assessments', { until: 'candidate' }),
  thoughtReport: edit(['activist'], 'thought-reports', { until: 'conversionApproval' }),
  candidate: edit(['activistFiled', 'contacts', 'cultivation'], 'candidate'),
  candidateFiled: edit(['candidate'], 'candidate-filing'),
  introducers: edit(['candidate'], 'introducers'),
  politicalReview: edit(['candidate'], 'political-review'),
  training: edit(['candidate'], 'training'),
  branchReview: edit(['candidateFiled', 'introducers', 'politicalReview', 'training'], 'branch-review'),
  preReview: committee(['branchReview'], 'pre-review'),
  admissionForm: edit(['preReview'], 'admission-form'),
  admissionVote: edit(['admissionForm'], 'admission-vote'),
  interview: committee(['admissionVote'], 'interview'),
  approval: committee(['interview'], 'admission-decision'),
  approvalFiled: committee(['approval'], 'admission-filing'),
  assigned: edit(['approval'], 'assignment'),
  oath: edit(['approval'], 'oath'),
  observation: edit(['approval'], 'observations', { until: 'conversionApproval' }),
  conversionApplication: edit(['approval'], 'conversion-application'),
  conversionMeeting: edit(['assigned', 'oath', 'conversionApplication'], 'conversion-meeting'),
  conversionApproval: committee(['conversionMeeting'], 'conversion-decision'),
  // Archiving follows the conversion, when the case is no longer `open` but `full_member`.
  archived: edit(['conversionApproval'], 'archive', { statuses: ['full_member'] }),
};

/** Every command in the order a case meets them (the thought reports start with the activist). */
export const COMMAND_KEYS = Object.keys(STEP_RULES) as CommandKey[];

/** The title of a step or record, with the step's number (null for a record). */
export const titleOf = (key: CommandKey): { number: number | null; zh: string; en: string } => {
  const record = RECORDS.find((r) => r.key === key);
  if (record) return { number: null, zh: record.zh, en: record.en };
  const step = stepOf(key as StepKey);
  return { number: stepNumber(key as StepKey), zh: step.zh, en: step.en };
};

type Done = Partial<Record<StepKey, string>>;

/** Whether a case in `status` may be sent `key` at all. */
export const statusAllows = (key: CommandKey, status: CaseStatus | 'none'): boolean =>
  (STEP_RULES[key].statuses ?? ['open']).includes(status as CaseStatus);

/** The step whose being done closes `key`: itself for a one-time step, `until` for a recurring record. */
export const closedBy = (key: CommandKey, done: Done): StepKey | null => {
  const closer = STEP_RULES[key].until ?? (key as StepKey);
  return done[closer] ? closer : null;
};

/** The prerequisites of `key` not yet done. */
export const missingPrerequisites = (key: CommandKey, done: Done): StepKey[] =>
  STEP_RULES[key].after.filter((step) => !done[step]);

/**
 * What the case may be sent next, by the checks the deciders make before looking at dates and
 * contents (status, done, prerequisites). The not-before dates (step-dates.ts) are applied on top by
 * the case read (`stepsOffered`); a decider may still refuse on a rule of the step's contents.
 */
export const nextSteps = (c: { status: CaseStatus | 'none'; done: Done }): CommandKey[] =>
  COMMAND_KEYS.filter(
    (key) => statusAllows(key, c.status) && !closedBy(key, c.done) && !missingPrerequisites(key, c.done).length,
  );
