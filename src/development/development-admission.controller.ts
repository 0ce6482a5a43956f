import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import { assertOrgInScope } from '../core/http/scope.js';
import { parseWith } from '../core/http/validation.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { ArchiveMaterialsCommand, archiveMaterialsBody } from './commands/archive-materials.js';
import { AssignToBranchAndGroupCommand, assignToBranchAndGroupBody } from './commands/assign-to-branch-and-group.js';
import { ConcludePreReviewCommand, concludePreReviewBody } from './commands/conclude-pre-review.js';
import { DecideAdmissionCommand, decideAdmissionBody } from './commands/decide-admission.js';
import { DecideConversionCommand, decideConversionBody } from './commands/decide-conversion.js';
import { FileAdmissionCommand, fileAdmissionBody } from './commands/file-admission.js';
import { HoldAdmissionVoteCommand, holdAdmissionVoteBody } from './commands/hold-admission-vote.js';
import { HoldConversionMeetingCommand, holdConversionMeetingBody } from './commands/hold-conversion-meeting.js';
import {
  HoldHigherCommitteeInterviewCommand,
  holdHigherCommitteeInterviewBody,
} from './commands/hold-higher-committee-interview.js';
import { IssueAdmissionFormCommand, issueAdmissionFormBody } from './commands/issue-admission-form.js';
import {
  RecordProbationObservationCommand,
  recordProbationObservationBody,
} from './commands/record-probation-observation.js';
import { ReviewInBranchCommitteeCommand, reviewInBranchCommitteeBody } from './commands/review-in-branch-committee.js';
import {
  SubmitConversionApplicationCommand,
  submitConversionApplicationBody,
} from './commands/submit-conversion-application.js';
import { TakeOathCommand, takeOathBody } from './commands/take-oath.js';
import { StepSender } from './step-sender.js';

/**
 * Steps 12–25 of a case (stages 4–5): one POST per step; decisions are the committees', sent as data.
 * The higher committee's steps (13, 16–18, 24) are `development.approve`, and StepSender lets a secretary
 * take them only for the committee with approval authority over the case.
 */
@Controller('development')
export class DevelopmentAdmissionController {
  constructor(private readonly steps: StepSender) {}

  @Post('cases/:id/branch-review')
  @Allow('development', 'edit')
  @BodySchema(reviewInBranchCommitteeBody)
  reviewInBranchCommittee(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'branchReview',
      'ReviewInBranchCommittee',
      reviewInBranchCommitteeBody,
      body,
      ReviewInBranchCommitteeCommand,
    );
  }

  @Post('cases/:id/pre-review')
  @Allow('development', 'approve')
  @BodySchema(concludePreReviewBody)
  concludePreReview(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'preReview',
      'ConcludePreReview',
      concludePreReviewBody,
      body,
      ConcludePreReviewCommand,
    );
  }

  @Post('cases/:id/admission-form')
  @Allow('development', 'edit')
  @BodySchema(issueAdmissionFormBody)
  issueAdmissionForm(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'admissionForm',
      'IssueAdmissionForm',
      issueAdmissionFormBody,
      body,
      IssueAdmissionFormCommand,
    );
  }

  @Post('cases/:id/admission-vote')
  @Allow('development', 'edit')
  @BodySchema(holdAdmissionVoteBody)
  holdAdmissionVote(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'admissionVote',
      'HoldAdmissionVote',
      holdAdmissionVoteBody,
      body,
      HoldAdmissionVoteCommand,
    );
  }

  @Post('cases/:id/interview')
  @Allow('development', 'approve')
  @BodySchema(holdHigherCommitteeInterviewBody)
  holdHigherCommitteeInterview(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.steps.send(
      request,
      id,
      'interview',
      'HoldHigherCommitteeInterview',
      holdHigherCommitteeInterviewBody,
      body,
      HoldHigherCommitteeInterviewCommand,
    );
  }

  @Post('cases/:id/admission-decision')
  @Allow('development', 'approve')
  @BodySchema(decideAdmissionBody)
  decideAdmission(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'approval',
      'DecideAdmission',
      decideAdmissionBody,
      body,
      DecideAdmissionCommand,
    );
  }

  @Post('cases/:id/admission-filing')
  @Allow('development', 'approve')
  @BodySchema(fileAdmissionBody)
  fileAdmission(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'approvalFiled',
      'FileAdmission',
      fileAdmissionBody,
      body,
      FileAdmissionCommand,
    );
  }

  @Post('cases/:id/assignment')
  @Allow('development', 'edit')
  @BodySchema(assignToBranchAndGroupBody)
  assignToBranchAndGroup(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    // A secretary may move the probationary member only into an organisation within their reach.
    const { orgId } = parseWith(assignToBranchAndGroupBody, body);
    if (orgId) assertOrgInScope(request.user, orgId);
    return this.steps.send(
      request,
      id,
      'assigned',
      'AssignToBranchAndGroup',
      assignToBranchAndGroupBody,
      body,
      AssignToBranchAndGroupCommand,
    );
  }

  @Post('cases/:id/oath')
  @Allow('development', 'edit')
  @BodySchema(takeOathBody)
  takeOath(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(request, id, 'oath', 'TakeOath', takeOathBody, body, TakeOathCommand);
  }

  @Post('cases/:id/observations')
  @Allow('development', 'edit')
  @BodySchema(recordProbationObservationBody)
  recordProbationObservation(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.steps.send(
      request,
      id,
      'observation',
      'RecordProbationObservation',
      recordProbationObservationBody,
      body,
      RecordProbationObservationCommand,
    );
  }

  @Post('cases/:id/conversion-application')
  @Allow('development', 'edit')
  @BodySchema(submitConversionApplicationBody)
  submitConversionApplication(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.steps.send(
      request,
      id,
      'conversionApplication',
      'SubmitConversionApplication',
      submitConversionApplicationBody,
      body,
      SubmitConversionApplicationCommand,
    );
  }

  @Post('cases/:id/conversion-meeting')
  @Allow('development', 'edit')
  @BodySchema(holdConversionMeetingBody)
  holdConversionMeeting(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'conversionMeeting',
      'HoldConversionMeeting',
      holdConversionMeetingBody,
      body,
      HoldConversionMeetingCommand,
    );
  }

  @Post('cases/:id/conversion-decision')
  @Allow('development', 'approve')
  @BodySchema(decideConversionBody)
  decideConversion(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'conversionApproval',
      'DecideConversion',
      decideConversionBody,
      body,
      DecideConversionCommand,
    );
  }

  @Post('cases/:id/archive')
  @Allow('development', 'edit')
  @BodySchema(archiveMaterialsBody)
  archiveMaterials(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'archived',
      'ArchiveMaterials',
      archiveMaterialsBody,
      body,
      ArchiveMaterialsCommand,
    );
  }
}
