import { STEPS, type StepKey } from '../../../src/membership/development-steps';

export { STEPS, type StepKey };

/** One input of a step's form: the body schemas of src/membership/commands/*.ts. */
export interface StepField {
  source: string;
  kind: 'date' | 'text' | 'multiline' | 'number' | 'select' | 'members';
  choices?: string[];
  optional?: boolean;
  /** For `members`: at most this many. */
  max?: number;
}

/** A command on a case: its route under POST /api/development/cases/:id/, its fields and what it needs first. */
export interface StepCommandSpec {
  /** The step it records, or null for a recurring record that is no step of its own (thought reports). */
  step: StepKey | null;
  route: string;
  fields: StepField[];
  /** The steps the server's `follows(...)` checks (src/membership/commands). */
  after: StepKey[];
  /** Recorded again and again while open, until the `until` step is done. */
  until?: StepKey;
}

const on: StepField = { source: 'on', kind: 'date' };
const summary = (optional = false): StepField => ({ source: 'summary', kind: 'multiline', optional });
const votes: StepField[] = ['entitled', 'present', 'writtenOpinions', 'inFavour', 'against', 'abstain'].map(
  (count) => ({ source: `votes.${count}`, kind: 'number', optional: count === 'writtenOpinions' }),
);
const delayReason: StepField = { source: 'delayReason', kind: 'multiline', optional: true };

/** Every command of the 25 steps (step 1, the application, opens the case: see DevelopmentCreate). */
export const STEP_COMMANDS: StepCommandSpec[] = [
  {
    step: 'talk',
    route: 'talk',
    after: ['application'],
    fields: [on, { source: 'talkedBy', kind: 'text' }, summary()],
  },
  {
    step: 'activist',
    route: 'activist',
    after: ['talk'],
    fields: [
      on,
      { source: 'recommendation', kind: 'select', choices: ['member_recommendation', 'mass_org_recommendation'] },
    ],
  },
  { step: 'activistFiled', route: 'activist-filing', after: ['activist'], fields: [on] },
  {
    step: 'contacts',
    route: 'contacts',
    after: ['activist'],
    fields: [on, { source: 'contactIds', kind: 'members', max: 2 }],
  },
  { step: 'cultivation', route: 'assessments', after: ['contacts'], until: 'candidate', fields: [on, summary()] },
  { step: null, route: 'thought-reports', after: ['activist'], until: 'conversionApproval', fields: [on, summary()] },
  {
    step: 'candidate',
    route: 'candidate',
    after: ['activistFiled', 'contacts', 'cultivation'],
    fields: [on, { source: 'publicityFrom', kind: 'date' }, { source: 'publicityTo', kind: 'date' }],
  },
  { step: 'candidateFiled', route: 'candidate-filing', after: ['candidate'], fields: [on] },
  {
    step: 'introducers',
    route: 'introducers',
    after: ['candidate'],
    fields: [on, { source: 'introducerIds', kind: 'members', max: 2 }],
  },
  {
    step: 'politicalReview',
    route: 'political-review',
    after: ['candidate'],
    fields: [on, { source: 'conclusion', kind: 'select', choices: ['passed', 'not_passed'] }, summary()],
  },
  {
    step: 'training',
    route: 'training',
    after: ['candidate'],
    fields: [
      on,
      { source: 'days', kind: 'number' },
      { source: 'classHours', kind: 'number' },
      { source: 'provider', kind: 'text' },
    ],
  },
  {
    step: 'branchReview',
    route: 'branch-review',
    after: ['candidateFiled', 'introducers', 'politicalReview', 'training'],
    fields: [on, { source: 'conclusion', kind: 'select', choices: ['submit', 'not_submit'] }],
  },
  {
    step: 'preReview',
    route: 'pre-review',
    after: ['branchReview'],
    fields: [
      on,
      { source: 'conclusion', kind: 'select', choices: ['passed', 'not_passed'] },
      { source: 'leavingUnitOn', kind: 'date', optional: true },
      delayReason,
    ],
  },
  { step: 'admissionForm', route: 'admission-form', after: ['preReview'], fields: [on] },
  {
    step: 'admissionVote',
    route: 'admission-vote',
    after: ['admissionForm'],
    fields: [on, ...votes, { source: 'resolution', kind: 'select', choices: ['admit', 'not_admit'] }, delayReason],
  },
  {
    step: 'interview',
    route: 'interview',
    after: ['admissionVote'],
    fields: [on, { source: 'interviewer', kind: 'text' }, { source: 'opinion', kind: 'multiline' }],
  },
  {
    step: 'approval',
    route: 'admission-decision',
    after: ['interview'],
    fields: [
      on,
      { source: 'decision', kind: 'select', choices: ['approved', 'not_approved'] },
      { source: 'specialReason', kind: 'multiline', optional: true },
      { source: 'reason', kind: 'multiline', optional: true },
    ],
  },
  { step: 'approvalFiled', route: 'admission-filing', after: ['approval'], fields: [on] },
  {
    step: 'assigned',
    route: 'assignment',
    after: ['approval'],
    fields: [on, { source: 'partyGroup', kind: 'text' }],
  },
  { step: 'oath', route: 'oath', after: ['approval'], fields: [on, delayReason] },
  {
    step: 'observation',
    route: 'observations',
    after: ['approval'],
    until: 'conversionApproval',
    fields: [on, summary()],
  },
  { step: 'conversionApplication', route: 'conversion-application', after: ['approval'], fields: [on] },
  {
    step: 'conversionMeeting',
    route: 'conversion-meeting',
    after: ['assigned', 'oath', 'conversionApplication'],
    fields: [
      on,
      { source: 'outcome', kind: 'select', choices: ['convert', 'extend', 'cancel'] },
      { source: 'extensionMonths', kind: 'number', optional: true },
      ...votes,
      { source: 'publicityFrom', kind: 'date', optional: true },
      { source: 'publicityTo', kind: 'date', optional: true },
    ],
  },
  {
    step: 'conversionApproval',
    route: 'conversion-decision',
    after: ['conversionMeeting'],
    fields: [
      on,
      { source: 'decision', kind: 'select', choices: ['approved', 'not_approved'] },
      { source: 'reason', kind: 'multiline', optional: true },
    ],
  },
  {
    step: 'archived',
    route: 'archive',
    after: ['conversionApproval'],
    fields: [on, { source: 'archive', kind: 'select', choices: ['personnel_file', 'member_file'] }],
  },
];

/** A case as GET /api/development/cases/:id returns it (src/membership/projections/development-cases.projection.ts). */
export interface DevelopmentCaseRow {
  id: string;
  name: string;
  orgId: string;
  orgName: string | null;
  unitId: string;
  unitName: string | null;
  status: 'open' | 'not_admitted' | 'cancelled' | 'full_member';
  stage: number;
  step: number;
  nextObligation: string | null;
  nextDueOn: string | null;
  steps: Partial<Record<StepKey, string>>;
}

export const STAGES = [1, 2, 3, 4, 5] as const;

/** 1-based number of a step, as the API's `step` column counts. */
export const stepNumber = (key: StepKey): number => STEPS.findIndex((step) => step.key === key) + 1;

/**
 * The commands the case allows now: a one-time step not yet done whose prerequisites are all done,
 * or a recurring record still open. Only an open case moves; the server checks again on submit.
 */
export const nextCommands = (c: Pick<DevelopmentCaseRow, 'status' | 'steps'>): StepCommandSpec[] => {
  if (c.status !== 'open') return [];
  const done = (key: StepKey) => Boolean(c.steps[key]);
  return STEP_COMMANDS.filter((command) => {
    if (!command.after.every(done)) return false;
    if (command.until) return !done(command.until);
    return command.step !== null && !done(command.step);
  });
};

/** Overdue: the next obligation's due date is before today. */
export const isOverdue = (dueOn: string | null | undefined, today: string): boolean => Boolean(dueOn && dueOn < today);
