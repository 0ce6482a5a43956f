import type { Type as Class } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { z } from 'zod';
import type { CommandMessage } from '../core/command-handling.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { assertOrgInScope } from '../core/http/scope.js';
import * as introducers from './commands/appoint-introducers.js';
import * as archived from './commands/archive-materials.js';
import * as cultivation from './commands/assess-activist.js';
import * as contacts from './commands/assign-cultivation-contacts.js';
import * as assigned from './commands/assign-to-branch-and-group.js';
import * as training from './commands/complete-concentrated-training.js';
import * as politicalReview from './commands/conclude-political-review.js';
import * as preReview from './commands/conclude-pre-review.js';
import * as approval from './commands/decide-admission.js';
import * as conversionApproval from './commands/decide-conversion.js';
import * as activist from './commands/determine-activist.js';
import * as candidate from './commands/determine-candidate.js';
import * as activistFiled from './commands/file-activist.js';
import * as approvalFiled from './commands/file-admission.js';
import * as candidateFiled from './commands/file-candidate.js';
import * as admissionVote from './commands/hold-admission-vote.js';
import * as talk from './commands/hold-applicant-talk.js';
import * as conversionMeeting from './commands/hold-conversion-meeting.js';
import * as interview from './commands/hold-higher-committee-interview.js';
import * as admissionForm from './commands/issue-admission-form.js';
import * as observation from './commands/record-probation-observation.js';
import * as thoughtReport from './commands/record-thought-report.js';
import * as branchReview from './commands/review-in-branch-committee.js';
import * as conversionApplication from './commands/submit-conversion-application.js';
import * as oath from './commands/take-oath.js';
import type { StepCommand } from './commands/step-support.js';
import type { DevelopmentCase } from './development-case.js';
import type { CommandKey } from './development-steps.js';
import type { StepSender } from './step-sender.js';

/**
 * What the route of a step (or record) sends, by its key in STEP_RULES: the command's type, the zod schema
 * of its body (which validates it and documents it in OpenAPI), its message class and the handler that runs
 * its decider. The routes (development-steps.controller.ts) and the module's handlers are produced from it.
 */
export interface StepCommandBinding<Type extends string = string, Body extends z.ZodType = z.ZodType> {
  type: Type;
  body: Body;
  Command: new (
    command: StepCommand<Type, z.output<Body>>,
  ) => CommandMessage<StepCommand<Type, z.output<Body>>, DevelopmentCase>;
  Handler: Class<ICommandHandler>;
  /** A check of the route's own, once the body is valid and before the case is looked at. */
  check?: (data: z.output<Body>, request: ActorRequest, steps: StepSender) => void;
}

type BodyKey<Type extends string> = `${Uncapitalize<Type>}Body`;
type BodyOf<File, Type extends string> =
  File extends Record<BodyKey<Type>, infer Body extends z.ZodType> ? Body : never;

/**
 * A command file as every one in commands/ is written (hold-applicant-talk.ts: `holdApplicantTalkBody`,
 * `HoldApplicantTalkCommand`, `HoldApplicantTalkHandler`), so that the command's type names all three.
 */
type CommandFile<Type extends string, Body extends z.ZodType> = Record<BodyKey<Type>, Body> &
  Record<`${Type}Command`, StepCommandBinding<Type, Body>['Command']> &
  Record<`${Type}Handler`, Class<ICommandHandler>>;

const sends = <Type extends string, File extends CommandFile<Type, BodyOf<File, Type>>>(
  type: Type,
  file: File,
  check?: StepCommandBinding<Type, BodyOf<File, Type>>['check'],
): StepCommandBinding =>
  ({
    type,
    body: file[`${type.charAt(0).toLowerCase()}${type.slice(1)}Body` as BodyKey<Type>],
    Command: file[`${type}Command`],
    Handler: file[`${type}Handler`],
    check,
  }) as unknown as StepCommandBinding;

/** Every command sent on an existing case; step 1 opens one instead (DevelopmentController.apply). */
export type CaseCommandKey = Exclude<CommandKey, 'application'>;

export const STEP_COMMANDS: Record<CaseCommandKey, StepCommandBinding> = {
  talk: sends('HoldApplicantTalk', talk),
  activist: sends('DetermineActivist', activist),
  activistFiled: sends('FileActivist', activistFiled),
  contacts: sends('AssignCultivationContacts', contacts),
  cultivation: sends('AssessActivist', cultivation),
  thoughtReport: sends('RecordThoughtReport', thoughtReport),
  candidate: sends('DetermineCandidate', candidate),
  candidateFiled: sends('FileCandidate', candidateFiled),
  introducers: sends('AppointIntroducers', introducers),
  politicalReview: sends('ConcludePoliticalReview', politicalReview),
  training: sends('CompleteConcentratedTraining', training),
  branchReview: sends('ReviewInBranchCommittee', branchReview),
  preReview: sends('ConcludePreReview', preReview),
  admissionForm: sends('IssueAdmissionForm', admissionForm),
  admissionVote: sends('HoldAdmissionVote', admissionVote),
  interview: sends('HoldHigherCommitteeInterview', interview),
  approval: sends('DecideAdmission', approval),
  approvalFiled: sends('FileAdmission', approvalFiled),
  // A secretary may move the probationary member only into an organisation within their reach.
  assigned: sends('AssignToBranchAndGroup', assigned, ({ orgId }, request) => {
    if (orgId) assertOrgInScope(request.user, orgId);
  }),
  oath: sends('TakeOath', oath),
  observation: sends('RecordProbationObservation', observation),
  conversionApplication: sends('SubmitConversionApplication', conversionApplication),
  conversionMeeting: sends('HoldConversionMeeting', conversionMeeting),
  conversionApproval: sends('DecideConversion', conversionApproval),
  archived: sends('ArchiveMaterials', archived),
};
