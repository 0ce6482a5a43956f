/** Where a case stands: open, or ended by a refusal, a cancellation or conversion. */
export type CaseStatus = 'open' | 'not_admitted' | 'cancelled' | 'full_member';

/** A document a step normally produces (domain.md §4.2 "Record"), offered as a suggestion. */
export interface RecordTitle {
  zh: string;
  en: string;
}

/**
 * One step (or recurring record) of a case, as data: what the deciders check (order, statuses), what its
 * route is (path, permission, approval authority) and what the catalogue shows (titles, documents). The
 * routes, the role checks, the OpenAPI document and GET /api/development/catalogue are all produced from
 * it; the command each route sends is bound to its key in step-commands.ts (the deciders read this file,
 * so it cannot import them). Plain data with no imports: the admin bundles it too.
 */
interface StepShape<Key extends string = string> {
  /** 1–5 (domain.md §4.2); null for a record that is no step of its own (thought reports). */
  stage: number | null;
  zh: string;
  en: string;
  /** The steps done first: every decider's `follows` and the case's `nextSteps` read exactly these. */
  after: readonly Key[];
  /** Recorded again and again until this step is done (assessments, observations, thought reports). */
  until?: Key;
  /** The case statuses in which it may be sent; `open` unless said. */
  statuses?: readonly CaseStatus[];
  /** The route under /api/development (POST); `:id` is the case. */
  path: string;
  /** The permission its route declares, `development.<action>` in the role matrix. */
  action: 'create' | 'edit' | 'approve';
  /**
   * Taken by the basic-level Party committee with approval authority over the case (domain.md §4.1):
   * the bureau's roles, or a secretary of that committee; never a branch or a general branch.
   */
  authority?: 'approving_committee';
  /** The documents it normally produces (domain.md §4.2 "Record"): suggestions for its `records`. */
  records: readonly RecordTitle[];
}

const r = (zh: string, en: string): RecordTitle => ({ zh, en });

/** A step of the case's organisation (`development.edit`), sent to POST cases/:id/<route>. */
const edit = (route: string) => ({ path: `cases/:id/${route}`, action: 'edit' }) as const;

/** A step of the higher committee with approval authority (steps 13, 16, 17, 18, 24). */
const committee = (route: string) =>
  ({ path: `cases/:id/${route}`, action: 'approve', authority: 'approving_committee' }) as const;

const filingReply = r('上级党委备案回复', "Higher committee's written reply");
const branchMinutes = r('支部委员会会议记录', 'Branch committee minutes');
const meetingRecords = [
  r('支部大会决议', 'Branch general meeting resolution'),
  r('表决票', 'Ballots'),
  r('支部大会会议记录', 'Meeting minutes'),
] as const;

/**
 * The 5 stages and 25 steps (domain.md §4.2) by key, in the conventional numbering, with the thought
 * reports where a case first meets them: this order gives the steps their numbers and `nextSteps` its order.
 */
const TABLE = {
  application: {
    stage: 1,
    zh: '递交入党申请书',
    en: 'Submit written application',
    after: [],
    path: 'cases',
    action: 'create',
    records: [r('入党申请书', 'Application letter')],
  },
  talk: {
    stage: 1,
    zh: '党组织派人谈话',
    en: 'Talk with the applicant',
    after: ['application'],
    ...edit('talk'),
    records: [r('谈话记录', 'Talk record')],
  },
  activist: {
    stage: 2,
    zh: '确定入党积极分子',
    en: 'Determine activist',
    after: ['talk'],
    ...edit('activist'),
    records: [r('推荐票', 'Recommendation ballots'), r('推荐情况统计表', 'Tally of recommendations'), branchMinutes],
  },
  activistFiled: {
    stage: 2,
    zh: '积极分子报上级党委备案',
    en: 'File the activist',
    after: ['activist'],
    ...edit('activist-filing'),
    records: [r('入党积极分子备案报告', 'Filing report'), filingReply],
  },
  contacts: {
    stage: 2,
    zh: '指定培养联系人',
    en: 'Assign cultivation contacts',
    after: ['activist'],
    ...edit('contacts'),
    records: [r('培养联系人指定记录', 'Record of the assigned cultivation contacts')],
  },
  cultivation: {
    stage: 2,
    zh: '培养教育考察',
    en: 'Cultivate and assess',
    after: ['contacts'],
    until: 'candidate',
    ...edit('assessments'),
    records: [
      r('入党积极分子培养教育考察登记表', 'Activist cultivation and assessment register'),
      r('半年考察意见', 'Half-yearly assessment'),
      r('思想汇报', 'Thought report'),
    ],
  },
  thoughtReport: {
    stage: null,
    zh: '记录思想汇报',
    en: 'Record a thought report',
    after: ['activist'],
    until: 'conversionApproval',
    ...edit('thought-reports'),
    records: [r('思想汇报', 'Thought report')],
  },
  candidate: {
    stage: 3,
    zh: '确定发展对象',
    en: 'Determine development candidate',
    after: ['activistFiled', 'contacts', 'cultivation'],
    ...edit('candidate'),
    records: [branchMinutes, r('发展对象公示', 'Publicity notice'), r('公示结果', 'Publicity outcome')],
  },
  candidateFiled: {
    stage: 3,
    zh: '发展对象报上级党委备案',
    en: 'File the candidate',
    after: ['candidate'],
    ...edit('candidate-filing'),
    records: [r('发展对象备案报告', 'Filing report'), filingReply],
  },
  introducers: {
    stage: 3,
    zh: '确定入党介绍人',
    en: 'Appoint introducers',
    after: ['candidate'],
    ...edit('introducers'),
    records: [
      r('入党介绍人确定记录', 'Record of the appointed introducers'),
      r('入党志愿书（入党介绍人意见）', "Admission form (introducers' opinion)"),
    ],
  },
  politicalReview: {
    stage: 3,
    zh: '进行政治审查',
    en: 'Political review',
    after: ['candidate'],
    ...edit('political-review'),
    records: [
      r('政治审查综合材料', 'Comprehensive political-review report'),
      r('函调材料', 'Letters of inquiry (函调)'),
      r('外调材料', 'Visit records (外调)'),
    ],
  },
  training: {
    stage: 3,
    zh: '开展集中培训',
    en: 'Concentrated training',
    after: ['candidate'],
    ...edit('training'),
    records: [r('培训结业证书', 'Training certificate'), r('培训记录', 'Training record')],
  },
  branchReview: {
    stage: 4,
    zh: '支部委员会审查',
    en: 'Branch committee review',
    after: ['candidateFiled', 'introducers', 'politicalReview', 'training'],
    ...edit('branch-review'),
    records: [branchMinutes],
  },
  preReview: {
    stage: 4,
    zh: '上级党委预审',
    en: 'Pre-review',
    after: ['branchReview'],
    ...committee('pre-review'),
    records: [r('上级党委预审意见', 'Written pre-review result')],
  },
  admissionForm: {
    stage: 4,
    zh: '填写入党志愿书',
    en: 'Admission form',
    after: ['preReview'],
    ...edit('admission-form'),
    records: [r('中国共产党入党志愿书', 'Admission form (入党志愿书)')],
  },
  admissionVote: {
    stage: 4,
    zh: '支部大会讨论',
    en: 'Branch general meeting vote',
    after: ['admissionForm'],
    ...edit('admission-vote'),
    records: [...meetingRecords, r('书面意见', 'Written opinions of absent members')],
  },
  interview: {
    stage: 4,
    zh: '上级党委派人谈话',
    en: "Higher committee's interview",
    after: ['admissionVote'],
    ...committee('interview'),
    records: [r('谈话记录及意见', 'Talk record and opinion')],
  },
  approval: {
    stage: 4,
    zh: '上级党委审批',
    en: 'Approval',
    after: ['interview'],
    ...committee('admission-decision'),
    records: [r('上级党委审批意见', 'Approval (entered in the admission form)'), r('审批通知', 'Notice of approval')],
  },
  approvalFiled: {
    stage: 4,
    zh: '再上一级党委组织部门备案',
    en: 'File the approval',
    after: ['approval'],
    ...committee('admission-filing'),
    records: [r('备案报告', 'Filing report')],
  },
  assigned: {
    stage: 5,
    zh: '编入党支部和党小组',
    en: 'Assign to branch and group',
    after: ['approval'],
    ...edit('assignment'),
    records: [r('党员名册登记', 'Roster entry')],
  },
  oath: {
    stage: 5,
    zh: '入党宣誓',
    en: 'Admission oath',
    after: ['approval'],
    ...edit('oath'),
    records: [r('入党宣誓记录', 'Oath record'), r('宣誓照片', 'Oath photos'), r('签到表', 'Sign-in sheet')],
  },
  observation: {
    stage: 5,
    zh: '继续教育考察',
    en: 'Continued observation',
    after: ['approval'],
    until: 'conversionApproval',
    ...edit('observations'),
    records: [r('预备党员考察表', 'Probationary member observation form'), r('思想汇报', 'Thought report')],
  },
  conversionApplication: {
    stage: 5,
    zh: '提出转正申请',
    en: 'Conversion application',
    after: ['approval'],
    ...edit('conversion-application'),
    records: [r('转正申请书', 'Application for full membership')],
  },
  conversionMeeting: {
    stage: 5,
    zh: '支部大会讨论转正',
    en: 'Conversion meeting',
    after: ['assigned', 'oath', 'conversionApplication'],
    ...edit('conversion-meeting'),
    records: [...meetingRecords, r('转正公示', 'Publicity notice')],
  },
  conversionApproval: {
    stage: 5,
    zh: '上级党委审批转正',
    en: 'Conversion approval',
    after: ['conversionMeeting'],
    ...committee('conversion-decision'),
    records: [r('上级党委审批意见', 'Approval of conversion'), r('审批通知', 'Notice of approval')],
  },
  archived: {
    stage: 5,
    zh: '材料归档',
    en: 'Archive materials',
    after: ['conversionApproval'],
    // Archiving follows the conversion, when the case is no longer `open` but `full_member`.
    statuses: ['full_member'],
    ...edit('archive'),
    records: [
      r('材料归档清单', 'List of archived materials'),
      r('入党志愿书', 'Admission form'),
      r('入党申请书', 'Application letter'),
      r('政治审查材料', 'Political-review materials'),
      r('转正申请书', 'Application for full membership'),
      r('培养教育考察材料', 'Cultivation and observation materials'),
    ],
  },
} as const satisfies Record<string, StepShape>;

type Table = typeof TABLE;

/** Anything a case may be sent: one of the 25 steps or a record. */
export type CommandKey = keyof Table;
export type StepKey = { [Key in CommandKey]: Table[Key]['stage'] extends number ? Key : never }[CommandKey];
/** Records that move no step of their own but are sent on a case like one (A6 thought reports). */
export type RecordKey = Exclude<CommandKey, StepKey>;

export interface StepDescriptor extends StepShape<StepKey> {
  key: CommandKey;
  /** 1–25 in the conventional numbering (its place among the steps); null for a record. */
  number: number | null;
}

// Typed here, not in TABLE's own annotation, so that `after` and `until` are checked against its keys.
const CHECKED: Record<CommandKey, StepShape<StepKey>> = TABLE;

/** Every command in the order a case meets them (the thought reports start with the activist). */
export const COMMAND_KEYS = Object.keys(CHECKED) as CommandKey[];

const stepKeys = COMMAND_KEYS.filter((key) => CHECKED[key].stage !== null);

/** Every step and record by key: the one copy the deciders, the routes, the case read and the catalogue use. */
export const STEP_RULES = Object.fromEntries(
  COMMAND_KEYS.map((key) => {
    const number = stepKeys.indexOf(key) + 1;
    return [key, { key, ...CHECKED[key], number: number || null }];
  }),
) as Record<CommandKey, StepDescriptor>;

/** The 25 steps in order. */
export const STEPS = stepKeys.map((key) => STEP_RULES[key]) as (StepDescriptor & {
  key: StepKey;
  number: number;
  stage: number;
})[];

/** The recurring records (thought reports). */
export const RECORDS = COMMAND_KEYS.filter((key) => !stepKeys.includes(key)).map((key) => STEP_RULES[key]);

/** 1-based step number of a key, as in the 25-step convention. */
export const stepNumber = (key: StepKey): number => STEP_RULES[key].number as number;

export const stepOf = (key: StepKey) => STEP_RULES[key];

/** The title of a step or record, with the step's number (null for a record). */
export const titleOf = (key: CommandKey): { number: number | null; zh: string; en: string } => {
  const { number, zh, en } = STEP_RULES[key];
  return { number, zh, en };
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
