/**
 * The inputs of each step's dialog, by catalogue key: only how the admin lays out a form (the body
 * schemas of src/development/commands/*.ts). Order, titles and routes come from the API's catalogue.
 */
export interface StepField {
  source: string;
  /** `organization`: a Party organisation covering the case's unit (GET /api/party-organizations?unitId=). */
  kind: 'date' | 'text' | 'multiline' | 'number' | 'select' | 'members' | 'organization';
  choices?: string[];
  optional?: boolean;
  /** For `members`: at most this many. */
  max?: number;
  /** Its label's key under resources.development.fields, when not its source. */
  label?: string;
  /** Its helper text's key under resources.development. */
  helper?: string;
}

const on: StepField = { source: 'on', kind: 'date' };
const summary = (optional = false): StepField => ({ source: 'summary', kind: 'multiline', optional });
/**
 * A branch general meeting's counts (steps 15 and 23). `present` counts only the full members entitled to
 * vote; the probationary members who attended are stated apart (0 when none): they speak, but neither vote
 * nor count towards the quorum, and the server checks both against the branch's roster on the day.
 */
const VOTE_COUNTS = ['entitled', 'present', 'writtenOpinions', 'probationaryPresent', 'inFavour', 'against', 'abstain'];
const VOTE_HELP: Record<string, string> = { present: 'present_help', probationaryPresent: 'probationary_present_help' };
const votes: StepField[] = VOTE_COUNTS.map((count) => ({
  source: `votes.${count}`,
  kind: 'number',
  optional: count === 'writtenOpinions',
  helper: VOTE_HELP[count],
}));
const delayReason: StepField = { source: 'delayReason', kind: 'multiline', optional: true };

/** Step 1, the application, opens the case: see DevelopmentCreate. A key missing here gets only a date. */
export const STEP_FORMS: Record<string, StepField[]> = {
  talk: [on, { source: 'talkedBy', kind: 'text' }, summary()],
  activist: [
    on,
    { source: 'recommendation', kind: 'select', choices: ['member_recommendation', 'mass_org_recommendation'] },
  ],
  activistFiled: [on],
  contacts: [on, { source: 'contactIds', kind: 'members', max: 2 }],
  cultivation: [on, summary()],
  thoughtReport: [on, summary()],
  candidate: [on, { source: 'publicityFrom', kind: 'date' }, { source: 'publicityTo', kind: 'date' }],
  candidateFiled: [on],
  introducers: [on, { source: 'introducerIds', kind: 'members', max: 2 }],
  politicalReview: [on, { source: 'conclusion', kind: 'select', choices: ['passed', 'not_passed'] }, summary()],
  training: [
    on,
    { source: 'days', kind: 'number' },
    { source: 'classHours', kind: 'number' },
    { source: 'provider', kind: 'text' },
  ],
  branchReview: [on, { source: 'conclusion', kind: 'select', choices: ['submit', 'not_submit'] }],
  preReview: [
    on,
    { source: 'conclusion', kind: 'select', choices: ['passed', 'not_passed'] },
    { source: 'leavingUnitOn', kind: 'date', optional: true },
    delayReason,
  ],
  admissionForm: [on],
  admissionVote: [on, ...votes, { source: 'resolution', kind: 'select', choices: ['admit', 'not_admit'] }, delayReason],
  interview: [on, { source: 'interviewer', kind: 'text' }, { source: 'opinion', kind: 'multiline' }],
  approval: [
    on,
    { source: 'decision', kind: 'select', choices: ['approved', 'not_approved'] },
    { source: 'specialReason', kind: 'multiline', optional: true },
    { source: 'reason', kind: 'multiline', optional: true },
  ],
  approvalFiled: [on],
  // Step 19: left empty, the member stays in the branch that admitted them (the API's default).
  assigned: [
    on,
    { source: 'partyGroup', kind: 'text' },
    { source: 'orgId', kind: 'organization', optional: true, label: 'assignedOrgId', helper: 'assigned_org_help' },
  ],
  oath: [on, delayReason],
  observation: [on, summary()],
  conversionApplication: [on],
  conversionMeeting: [
    on,
    { source: 'outcome', kind: 'select', choices: ['convert', 'extend', 'cancel'] },
    { source: 'extensionMonths', kind: 'number', optional: true },
    ...votes,
    { source: 'publicityFrom', kind: 'date', optional: true },
    { source: 'publicityTo', kind: 'date', optional: true },
  ],
  conversionApproval: [
    on,
    { source: 'decision', kind: 'select', choices: ['approved', 'not_approved'] },
    { source: 'reason', kind: 'multiline', optional: true },
  ],
  archived: [on, { source: 'archive', kind: 'select', choices: ['personnel_file', 'member_file'] }],
};

/**
 * The body a step's (or the application's) form sends. Optional fields left empty are not sent: the
 * API wants them absent or non-empty (e.g. step 19's `orgId`, absent = the admitting branch). Objects
 * inside lists (the records of a step) are cleaned the same way.
 */
export const withoutEmpty = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value !== '' && value !== null && value !== undefined)
      .map(([key, value]) => [key, cleaned(value)]),
  );

const cleaned = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(cleaned)
    : value && typeof value === 'object'
      ? withoutEmpty(value as Record<string, unknown>)
      : value;
