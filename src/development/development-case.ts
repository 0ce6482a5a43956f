import type { StreamModel } from '../core/command-handling.js';
import type { CaseStatus, StepKey } from './development-steps.js';
import type { ConversionOutcome, DevelopmentEvent, DevelopmentStepEvent, Named } from './development.events.js';

/** One person's development case: the date each step was done, and what later steps need to judge. */
export interface OpenCase {
  status: CaseStatus;
  personId: string;
  name: string;
  birthDate: string;
  orgId: string;
  unitId: string;
  /** Business date of each step done (a step with a negative conclusion is not done). */
  done: Partial<Record<StepKey, string>>;
  lastAssessmentOn: string | null;
  lastThoughtReportOn: string | null;
  lastObservationOn: string | null;
  politicalReview: 'passed' | 'not_passed' | null;
  /** Date of the latest branch vote not to admit: a new vote waits `resubmissionWaitMonths` from it. */
  lastFailedVoteOn: string | null;
  contacts: Named[];
  introducers: Named[];
  probationStart: string | null;
  probationEnd: string | null;
  extended: boolean;
  /** A conversion meeting's resolution awaiting the higher committee. */
  pendingResolution: { on: string; outcome: ConversionOutcome; extensionMonths: number | null } | null;
  partyStandingFrom: string | null;
}

export type DevelopmentCase = { status: 'none' } | OpenCase;

const mark = (state: OpenCase, key: StepKey, on: string): OpenCase => ({
  ...state,
  done: { ...state.done, [key]: on },
});

const unmark = (state: OpenCase, key: StepKey): OpenCase => {
  const done = { ...state.done };
  delete done[key];
  return { ...state, done };
};

const opened = (event: Extract<DevelopmentEvent, { type: 'ApplicationSubmitted' }>): OpenCase => {
  const { personId, name, birthDate, orgId, unitId, on } = event.data;
  return {
    status: 'open',
    personId,
    name,
    birthDate,
    orgId,
    unitId,
    done: { application: on },
    lastAssessmentOn: null,
    lastThoughtReportOn: null,
    lastObservationOn: null,
    politicalReview: null,
    lastFailedVoteOn: null,
    contacts: [],
    introducers: [],
    probationStart: null,
    probationEnd: null,
    extended: false,
    pendingResolution: null,
    partyStandingFrom: null,
  };
};

/** The steps whose event only marks the step done. */
const SIMPLE: Partial<Record<DevelopmentEvent['type'], StepKey>> = {
  ApplicantTalkHeld: 'talk',
  ActivistDetermined: 'activist',
  ActivistFiled: 'activistFiled',
  CandidateDetermined: 'candidate',
  CandidateFiled: 'candidateFiled',
  ConcentratedTrainingCompleted: 'training',
  AdmissionFormIssued: 'admissionForm',
  HigherCommitteeInterviewHeld: 'interview',
  AdmissionFiled: 'approvalFiled',
  OathTaken: 'oath',
  ConversionApplicationSubmitted: 'conversionApplication',
  MaterialsArchived: 'archived',
};

const evolveOpen = (state: OpenCase, event: DevelopmentStepEvent): OpenCase => {
  const simple = SIMPLE[event.type];
  if (simple) return mark(state, simple, event.data.on);
  const { on } = event.data;
  switch (event.type) {
    case 'CultivationContactsAssigned':
      return { ...mark(state, 'contacts', on), contacts: event.data.contacts };
    case 'ActivistAssessed':
      return { ...mark(state, 'cultivation', state.done.cultivation ?? on), lastAssessmentOn: on };
    case 'ThoughtReportRecorded':
      return { ...state, lastThoughtReportOn: on };
    case 'IntroducersAppointed':
      return { ...mark(state, 'introducers', on), introducers: event.data.introducers };
    case 'PoliticalReviewConcluded': {
      const next = { ...state, politicalReview: event.data.conclusion };
      return event.data.conclusion === 'passed' ? mark(next, 'politicalReview', on) : unmark(next, 'politicalReview');
    }
    case 'BranchCommitteeReviewed':
      return event.data.conclusion === 'submit' ? mark(state, 'branchReview', on) : state;
    case 'PreReviewConcluded':
      return event.data.conclusion === 'passed' ? mark(state, 'preReview', on) : state;
    case 'AdmissionVoteHeld':
      return event.data.resolution === 'admit' ? mark(state, 'admissionVote', on) : { ...state, lastFailedVoteOn: on };
    case 'AdmissionApproved': {
      const { probationStart, probationEnd } = event.data;
      return { ...mark(state, 'approval', on), probationStart, probationEnd };
    }
    case 'AdmissionNotApproved':
      return { ...state, status: 'not_admitted' };
    case 'AssignedToBranchAndGroup':
      return { ...mark(state, 'assigned', on), orgId: event.data.orgId };
    case 'ProbationObservationRecorded':
      return { ...mark(state, 'observation', state.done.observation ?? on), lastObservationOn: on };
    case 'ConversionMeetingHeld': {
      const { outcome, extensionMonths } = event.data;
      return { ...mark(state, 'conversionMeeting', on), pendingResolution: { on, outcome, extensionMonths } };
    }
    case 'ConversionApproved':
      return approved(state, event.data);
    case 'ConversionNotApproved':
      // The branch has to decide again: the meeting step is open once more.
      return { ...unmark(state, 'conversionMeeting'), pendingResolution: null };
    default:
      return state;
  }
};

const approved = (
  state: OpenCase,
  data: { on: string; outcome: ConversionOutcome; partyStandingFrom: string | null; probationEnd: string | null },
): OpenCase => {
  const settled = { ...state, pendingResolution: null };
  if (data.outcome === 'convert')
    return {
      ...mark(settled, 'conversionApproval', data.on),
      status: 'full_member',
      partyStandingFrom: data.partyStandingFrom,
    };
  if (data.outcome === 'cancel') return { ...settled, status: 'cancelled' };
  // An approved extension: probation runs on, and a new conversion meeting follows its end.
  return { ...unmark(settled, 'conversionMeeting'), extended: true, probationEnd: data.probationEnd };
};

export const developmentCase: StreamModel<DevelopmentCase, DevelopmentEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    // A record attached to a done step is a document, not a step: the case stays as it was.
    if (event.type === 'DevelopmentRecordAttached') return state;
    if (event.type === 'ApplicationSubmitted') return opened(event);
    return state.status === 'none' ? state : evolveOpen(state, event);
  },
};
