import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { AppointIntroducersCommand, appointIntroducersBody } from './commands/appoint-introducers.js';
import { AssessActivistCommand, assessActivistBody } from './commands/assess-activist.js';
import {
  AssignCultivationContactsCommand,
  assignCultivationContactsBody,
} from './commands/assign-cultivation-contacts.js';
import {
  CompleteConcentratedTrainingCommand,
  completeConcentratedTrainingBody,
} from './commands/complete-concentrated-training.js';
import { ConcludePoliticalReviewCommand, concludePoliticalReviewBody } from './commands/conclude-political-review.js';
import { DetermineActivistCommand, determineActivistBody } from './commands/determine-activist.js';
import { DetermineCandidateCommand, determineCandidateBody } from './commands/determine-candidate.js';
import { FileActivistCommand, fileActivistBody } from './commands/file-activist.js';
import { FileCandidateCommand, fileCandidateBody } from './commands/file-candidate.js';
import { HoldApplicantTalkCommand, holdApplicantTalkBody } from './commands/hold-applicant-talk.js';
import { RecordThoughtReportCommand, recordThoughtReportBody } from './commands/record-thought-report.js';
import { StepSender } from './step-sender.js';

/** Steps 2–11 of a case (stages 1–3): one POST per step, each carrying the step's business date. */
@Controller('development')
export class DevelopmentCultivationController {
  constructor(private readonly steps: StepSender) {}

  @Post('cases/:id/talk')
  @Allow('development', 'edit')
  @BodySchema(holdApplicantTalkBody)
  holdApplicantTalk(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'talk',
      'HoldApplicantTalk',
      holdApplicantTalkBody,
      body,
      HoldApplicantTalkCommand,
    );
  }

  @Post('cases/:id/activist')
  @Allow('development', 'edit')
  @BodySchema(determineActivistBody)
  determineActivist(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'activist',
      'DetermineActivist',
      determineActivistBody,
      body,
      DetermineActivistCommand,
    );
  }

  @Post('cases/:id/activist-filing')
  @Allow('development', 'edit')
  @BodySchema(fileActivistBody)
  fileActivist(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(request, id, 'activistFiled', 'FileActivist', fileActivistBody, body, FileActivistCommand);
  }

  @Post('cases/:id/contacts')
  @Allow('development', 'edit')
  @BodySchema(assignCultivationContactsBody)
  assignCultivationContacts(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.steps.send(
      request,
      id,
      'contacts',
      'AssignCultivationContacts',
      assignCultivationContactsBody,
      body,
      AssignCultivationContactsCommand,
    );
  }

  @Post('cases/:id/assessments')
  @Allow('development', 'edit')
  @BodySchema(assessActivistBody)
  assessActivist(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'cultivation',
      'AssessActivist',
      assessActivistBody,
      body,
      AssessActivistCommand,
    );
  }

  @Post('cases/:id/thought-reports')
  @Allow('development', 'edit')
  @BodySchema(recordThoughtReportBody)
  recordThoughtReport(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'thoughtReport',
      'RecordThoughtReport',
      recordThoughtReportBody,
      body,
      RecordThoughtReportCommand,
    );
  }

  @Post('cases/:id/candidate')
  @Allow('development', 'edit')
  @BodySchema(determineCandidateBody)
  determineCandidate(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'candidate',
      'DetermineCandidate',
      determineCandidateBody,
      body,
      DetermineCandidateCommand,
    );
  }

  @Post('cases/:id/candidate-filing')
  @Allow('development', 'edit')
  @BodySchema(fileCandidateBody)
  fileCandidate(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'candidateFiled',
      'FileCandidate',
      fileCandidateBody,
      body,
      FileCandidateCommand,
    );
  }

  @Post('cases/:id/introducers')
  @Allow('development', 'edit')
  @BodySchema(appointIntroducersBody)
  appointIntroducers(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'introducers',
      'AppointIntroducers',
      appointIntroducersBody,
      body,
      AppointIntroducersCommand,
    );
  }

  @Post('cases/:id/political-review')
  @Allow('development', 'edit')
  @BodySchema(concludePoliticalReviewBody)
  concludePoliticalReview(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    return this.steps.send(
      request,
      id,
      'politicalReview',
      'ConcludePoliticalReview',
      concludePoliticalReviewBody,
      body,
      ConcludePoliticalReviewCommand,
    );
  }

  @Post('cases/:id/training')
  @Allow('development', 'edit')
  @BodySchema(completeConcentratedTrainingBody)
  completeConcentratedTraining(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
    @Req() request: ActorRequest,
  ) {
    return this.steps.send(
      request,
      id,
      'training',
      'CompleteConcentratedTraining',
      completeConcentratedTrainingBody,
      body,
      CompleteConcentratedTrainingCommand,
    );
  }
}
