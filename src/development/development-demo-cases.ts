import { command } from '../core/command-handling.js';
import { DomainError } from '../core/errors.js';
import type { CommandMetadata } from '../core/messages.js';
import { addDays, addMonths, addYears, type LocalDate } from '../core/time/local-date.js';
import { appointIntroducers } from './commands/appoint-introducers.js';
import { archiveMaterials } from './commands/archive-materials.js';
import { assessActivist } from './commands/assess-activist.js';
import { assignCultivationContacts } from './commands/assign-cultivation-contacts.js';
import { assignToBranchAndGroup } from './commands/assign-to-branch-and-group.js';
import { completeConcentratedTraining } from './commands/complete-concentrated-training.js';
import { concludePoliticalReview } from './commands/conclude-political-review.js';
import { concludePreReview } from './commands/conclude-pre-review.js';
import { decideAdmission } from './commands/decide-admission.js';
import { decideConversion } from './commands/decide-conversion.js';
import { determineActivist } from './commands/determine-activist.js';
import { determineCandidate } from './commands/determine-candidate.js';
import { fileActivist } from './commands/file-activist.js';
import { fileAdmission } from './commands/file-admission.js';
import { fileCandidate } from './commands/file-candidate.js';
import { holdAdmissionVote } from './commands/hold-admission-vote.js';
import { holdApplicantTalk } from './commands/hold-applicant-talk.js';
import { holdConversionMeeting } from './commands/hold-conversion-meeting.js';
import { holdHigherCommitteeInterview } from './commands/hold-higher-committee-interview.js';
import { issueAdmissionForm } from './commands/issue-admission-form.js';
import { recordProbationObservation } from './commands/record-probation-observation.js';
import { recordThoughtReport } from './commands/record-thought-report.js';
import { reviewInBranchCommittee } from './commands/review-in-branch-committee.js';
import { submitApplication } from './commands/submit-application.js';
import { submitConversionApplication } from './commands/submit-conversion-application.js';
import { takeOath } from './commands/take-oath.js';
import type { DevelopmentCase } from './development-case.js';
import type { DevelopmentEvent } from './development.events.js';

/** How a demo case goes: all the way the calendar allows, or it stops, or a meeting or committee decides otherwise. */
export type CaseVariant = 'ordinary' | 'no-talk' | 'stalled-probation' | 'vote-not-admit' | 'not-approved' | 'extended';

export interface DemoCase {
  personId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: LocalDate;
  orgId: string;
  unitId: string;
  appliedOn: LocalDate;
  variant: CaseVariant;
  /** Two active full members of the branch: cultivation contacts, then introducers. */
  contacts: { memberId: string; name: string }[];
  /** The branch's active full members, who vote at its general meetings. */
  fullMembers: number;
  /** The person stopped sending quarterly thought reports five months ago (A6 overdue). */
  reportsLapse: boolean;
}

type Decide = (state: DevelopmentCase, metadata: CommandMetadata, on: LocalDate) => DevelopmentEvent;
interface Step {
  key: string;
  on: (done: Record<string, LocalDate>) => LocalDate;
  decide: Decide;
}

const standing = (c: DemoCase) => c.contacts.map((m) => ({ ...m, full: true, underPartyProbation: false }));
const votes = (n: number, inFavour = n) => ({
  entitled: n,
  present: n,
  writtenOpinions: 0,
  inFavour,
  against: n - inFavour,
  abstain: 0,
  probationaryPresent: 0,
});
const publicityBefore = (on: LocalDate) => ({ publicityFrom: addDays(on, -14), publicityTo: addDays(on, -1) });

/**
 * The 25 steps with plausible intervals (a talk within a month, an activist after six months, a year of
 * cultivation, probation of a year…), each sent through its own decider exactly as the API would.
 */
const steps = (c: DemoCase): Step[] => {
  const personId = c.personId;
  const probationEnd = (d: Record<string, LocalDate>) => addYears(d.admissionVote, 1);
  const step = (key: string, on: Step['on'], decide: Decide): Step => ({ key, on, decide });
  return [
    step(
      'talk',
      (d) => addDays(d.application, 14),
      (s, m, on) =>
        holdApplicantTalk(
          command(
            'HoldApplicantTalk',
            { personId, on, talkedBy: c.contacts[0].name, summary: '了解入党动机，谈话记录已存档' },
            m,
          ),
          s,
        ),
    ),
    step(
      'activist',
      (d) => addMonths(d.application, 6),
      (s, m, on) =>
        determineActivist(
          command('DetermineActivist', { personId, on, recommendation: 'member_recommendation' }, m),
          s,
        ),
    ),
    step(
      'activistFiled',
      (d) => addDays(d.activist, 2),
      (s, m, on) => fileActivist(command('FileActivist', { personId, on }, m), s),
    ),
    step(
      'contacts',
      (d) => addDays(d.activist, 3),
      (s, m, on) =>
        assignCultivationContacts(
          command('AssignCultivationContacts', { personId, on, contactIds: c.contacts.map((x) => x.memberId) }, m),
          s,
          standing(c),
        ),
    ),
    step(
      'cultivation',
      (d) => addMonths(d.activist, 6),
      (s, m, on) => assessActivist(command('AssessActivist', { personId, on, summary: '半年考察：合格' }, m), s),
    ),
    step(
      'candidate',
      (d) => addDays(addYears(d.activist, 1), 10),
      (s, m, on) => determineCandidate(command('DetermineCandidate', { personId, on, ...publicityBefore(on) }, m), s),
    ),
    step(
      'candidateFiled',
      (d) => addDays(d.candidate, 1),
      (s, m, on) => fileCandidate(command('FileCandidate', { personId, on }, m), s),
    ),
    step(
      'introducers',
      (d) => addDays(d.candidate, 2),
      (s, m, on) =>
        appointIntroducers(
          command('AppointIntroducers', { personId, on, introducerIds: c.contacts.map((x) => x.memberId) }, m),
          s,
          standing(c),
        ),
    ),
    step(
      'politicalReview',
      (d) => addDays(d.candidate, 20),
      (s, m, on) =>
        concludePoliticalReview(
          command('ConcludePoliticalReview', { personId, on, conclusion: 'passed', summary: '政治审查合格' }, m),
          s,
        ),
    ),
    step(
      'training',
      (d) => addDays(d.candidate, 30),
      (s, m, on) =>
        completeConcentratedTraining(
          command('CompleteConcentratedTraining', { personId, on, days: 3, classHours: 24, provider: '县委党校' }, m),
          s,
        ),
    ),
    step(
      'branchReview',
      (d) => addDays(d.training, 10),
      (s, m, on) =>
        reviewInBranchCommittee(command('ReviewInBranchCommittee', { personId, on, conclusion: 'submit' }, m), s),
    ),
    step(
      'preReview',
      (d) => addDays(d.branchReview, 10),
      (s, m, on) =>
        concludePreReview(
          command('ConcludePreReview', { personId, on, conclusion: 'passed', leavingUnitOn: null }, m),
          s,
        ),
    ),
    step(
      'admissionForm',
      (d) => addDays(d.preReview, 1),
      (s, m, on) => issueAdmissionForm(command('IssueAdmissionForm', { personId, on }, m), s),
    ),
    step(
      'admissionVote',
      (d) => addDays(d.preReview, 14),
      (s, m, on) => {
        const split = c.variant === 'vote-not-admit';
        const counts = votes(c.fullMembers, split ? Math.floor(c.fullMembers / 2) : c.fullMembers);
        return holdAdmissionVote(
          command('HoldAdmissionVote', { personId, on, votes: counts, resolution: split ? 'not_admit' : 'admit' }, m),
          s,
          { full: c.fullMembers, probationary: 0 },
        );
      },
    ),
    step(
      'interview',
      (d) => addDays(d.admissionVote, 5),
      (s, m, on) =>
        holdHigherCommitteeInterview(
          command('HoldHigherCommitteeInterview', { personId, on, interviewer: '县委组织员', opinion: '同意接收' }, m),
          s,
        ),
    ),
    step(
      'approval',
      (d) => addDays(d.admissionVote, 25),
      (s, m, on) => {
        const refused = c.variant === 'not-approved';
        const decision = refused ? 'not_approved' : 'approved';
        return decideAdmission(
          command('DecideAdmission', { personId, on, decision, reason: refused ? '政治审查材料不完整' : null }, m),
          s,
        );
      },
    ),
    step(
      'approvalFiled',
      (d) => addDays(d.approval, 3),
      (s, m, on) => fileAdmission(command('FileAdmission', { personId, on }, m), s),
    ),
    step(
      'assigned',
      (d) => addDays(d.approval, 3),
      (s, m, on) =>
        assignToBranchAndGroup(command('AssignToBranchAndGroup', { personId, on, partyGroup: '第一党小组' }, m), s),
    ),
    step(
      'oath',
      (d) => addDays(d.approval, 10),
      (s, m, on) => takeOath(command('TakeOath', { personId, on }, m), s),
    ),
    step(
      'observation',
      (d) => addMonths(d.oath, 5),
      (s, m, on) =>
        recordProbationObservation(
          command('RecordProbationObservation', { personId, on, summary: '半年考察：表现良好' }, m),
          s,
        ),
    ),
    step(
      'conversionApplication',
      (d) => addDays(probationEnd(d), -10),
      (s, m, on) => submitConversionApplication(command('SubmitConversionApplication', { personId, on }, m), s),
    ),
    step(
      'conversionMeeting',
      (d) => addDays(probationEnd(d), 3),
      (s, m, on) => {
        const extend = c.variant === 'extended';
        const meeting = extend
          ? { outcome: 'extend' as const, extensionMonths: 6, publicityFrom: null, publicityTo: null }
          : { outcome: 'convert' as const, extensionMonths: null, ...publicityBefore(on) };
        return holdConversionMeeting(
          command('HoldConversionMeeting', { personId, on, votes: votes(c.fullMembers), ...meeting }, m),
          s,
          { full: c.fullMembers, probationary: 0 },
        );
      },
    ),
    step(
      'conversionApproval',
      (d) => addDays(d.conversionMeeting, 20),
      (s, m, on) => decideConversion(command('DecideConversion', { personId, on, decision: 'approved' }, m), s),
    ),
    step(
      'archived',
      (d) => addDays(d.conversionApproval, 5),
      (s, m, on) => archiveMaterials(command('ArchiveMaterials', { personId, on, archive: 'personnel_file' }, m), s),
    ),
  ];
};

/** Where each variant stops, whatever the calendar would allow. */
const LAST_STEP: Partial<Record<CaseVariant, string>> = {
  'no-talk': 'application',
  'stalled-probation': 'observation',
  'vote-not-admit': 'admissionVote',
  'not-approved': 'approval',
  extended: 'conversionApproval',
};

/**
 * Walks one case from its application as far as `today` allows: every step dated on or before today is
 * decided (by `run`, the demo's write path); the first one later than today, and all after it, are not.
 */
export const seedDevelopmentCase = async (
  c: DemoCase,
  today: LocalDate,
  run: (
    date: LocalDate,
    decide: (state: DevelopmentCase, metadata: CommandMetadata) => DevelopmentEvent,
  ) => Promise<unknown>,
): Promise<void> => {
  const { personId, name, gender, birthDate, orgId, unitId, appliedOn: on } = c;
  // A step the rules refuse (say the holiday calendar of a later year is not loaded yet) ends the case
  // there, as a clerk would leave it: the demo must load on any first start.
  const attempt = (date: LocalDate, decide: Decide) =>
    run(date, (s, m) => decide(s, m, date)).then(
      () => true,
      (error: unknown) => {
        if (error instanceof DomainError) return false;
        throw error;
      },
    );
  await attempt(on, (s, m) =>
    submitApplication(command('SubmitApplication', { personId, name, gender, birthDate, orgId, unitId, on }, m), s, {
      orgExists: true,
      covers: true,
    }),
  );
  const done: Record<string, LocalDate> = { application: on };
  // Quarterly thought reports from the activist on (A6), sent in date order between the steps.
  const reportsUntil = c.reportsLapse ? addMonths(today, -5) : today;
  let nextReport: LocalDate | null = null;
  const reportsBefore = async (date: LocalDate) => {
    while (nextReport && nextReport <= date && nextReport <= reportsUntil) {
      const reportOn: LocalDate = nextReport;
      const sent = await attempt(reportOn, (s, m) =>
        recordThoughtReport(command('RecordThoughtReport', { personId, on: reportOn, summary: '季度思想汇报' }, m), s),
      );
      nextReport = sent ? addMonths(reportOn, 3) : null;
    }
  };
  if (LAST_STEP[c.variant] !== 'application')
    for (const { key, on: dateOf, decide } of steps(c)) {
      const date = dateOf(done);
      if (date > today) break;
      await reportsBefore(date);
      if (!(await attempt(date, decide))) break;
      done[key] = date;
      if (key === 'activist') nextReport = addMonths(date, 3);
      if (LAST_STEP[c.variant] === key) break;
    }
  await reportsBefore(today);
};
