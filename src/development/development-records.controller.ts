import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { can } from '../auth/auth.facts.js';
import { DomainError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import { AttachDevelopmentRecordCommand, attachDevelopmentRecordBody } from './commands/attach-development-record.js';
import { STEP_RULES, stepNumber } from './development-steps.js';
import { StepSender } from './step-sender.js';

/**
 * The records of a case's steps (一人一档、一事一记、一步一审): a document a done step produced,
 * attached after the step was recorded. The step routes take their records in their own bodies.
 */
@Controller('development')
export class DevelopmentRecordsController {
  constructor(private readonly steps: StepSender) {}

  @Post('cases/:id/records')
  @Allow('development', 'edit')
  @BodySchema(attachDevelopmentRecordBody)
  attach(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { step } = parseWith(attachDevelopmentRecordBody, body);
    // The same roles as may send the step itself (step 1 is `development.create`, the committee's `approve`).
    // The route is `edit`: a secretary with edit but without approve cannot get past the check below.
    const action = STEP_RULES[step].action;
    if (!can(request.user?.roles ?? [], 'development', action))
      throw new DomainError(
        'access.denied',
        {
          zh: `您的角色无权为第${stepNumber(step)}步补充材料（development.${action}）`,
          en: `Your role may not attach records to step ${stepNumber(step)} (development.${action})`,
        },
        'step',
        403,
      );
    // `step` as the key: a committee's step takes records only from the approving committee (StepSender).
    return this.steps.send(
      request,
      id,
      step,
      'AttachDevelopmentRecord',
      attachDevelopmentRecordBody,
      body,
      AttachDevelopmentRecordCommand,
    );
  }
}
