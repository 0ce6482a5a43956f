import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { can } from '../core/roles.js';
import { DEVELOPMENT_PERMISSIONS } from './development.permissions.js';
import { DomainError } from '../core/errors.js';
import { Allow } from '../core/http/access.js';
import { BodySchema } from '../core/http/openapi.js';
import type { ActorRequest } from '../core/http/request-context.js';
import { parseWith } from '../core/http/validation.js';
import { AttachDevelopmentRecordCommand, attachDevelopmentRecordBody } from './commands/attach-development-record.js';
import { STEP_RULES, stepNumber, titleOf, type StepKey } from './development-steps.js';
import { STEP_COMMANDS, type CaseCommandKey } from './step-commands.js';
import { StepSender } from './step-sender.js';

/**
 * The steps of a case after the application (2–25) and its thought reports: one POST each, produced from
 * the step table (development-steps.ts) and the commands they send (step-commands.ts) by
 * `defineStepRoute` below; and the records attached to done steps. StepSender validates, checks the
 * case's scope and, for the higher committee's steps (13, 16–18, 24), the approval authority.
 */
@Controller('development')
export class DevelopmentStepsController {
  constructor(readonly steps: StepSender) {}

  /**
   * The records of a case's steps (一人一档、一事一记、一步一审): a document a done step produced,
   * attached after the step was recorded. The step routes take their records in their own bodies.
   */
  @Post('cases/:id/records')
  @Allow('development', 'edit')
  @BodySchema(attachDevelopmentRecordBody)
  attach(@Param('id', ParseUUIDPipe) id: string, @Body() body: unknown, @Req() request: ActorRequest) {
    const { step } = parseWith(attachDevelopmentRecordBody, body);
    // The same roles as may send the step itself (step 1 is `development.create`, the committee's `approve`).
    // The route is `edit`: a secretary with edit but without approve cannot get past the check below.
    const action = STEP_RULES[step].action;
    if (!can(DEVELOPMENT_PERMISSIONS, request.user?.roles ?? [], 'development', action))
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

/** What /api/docs says of a step beside its body: its number, titles, prerequisites and who takes it. */
const operationOf = (key: CaseCommandKey) => {
  const step = STEP_RULES[key];
  const named = (other: StepKey) => `${titleOf(other).number} (${titleOf(other).en})`;
  const title = step.number ? `Step ${step.number}: ${step.en} (${step.zh})` : `${step.en} (${step.zh})`;
  return ApiOperation({
    summary: title,
    description: [
      `After step ${step.after.map(named).join(', step ')}.`,
      step.until ? `Recorded again and again until step ${named(step.until)} is done.` : '',
      step.statuses ? `Taken when the case is ${step.statuses.join(' or ')}.` : '',
      `Permission \`development.${step.action}\`.`,
      step.authority
        ? 'Taken by the basic-level Party committee with approval authority over the case: the bureau, or that ' +
          "committee's secretary; anyone else gets 403 `development.approval-authority-required`."
        : '',
      'Answers the write receipt (`stream`, `revision`, `position`, `events`).',
    ]
      .filter(Boolean)
      .join(' '),
  });
};

/**
 * Adds the route of step `key` to the controller as if written by hand: a method named by the key,
 * `@Post(path)`, `@Allow('development', action)`, `@BodySchema(body)`, `@ApiOperation`, and the
 * parameters `(@Param('id', ParseUUIDPipe) id, @Body() body, @Req() request)`. Nest's router, the access
 * guard, the OpenAPI document and the route × role test read them from the prototype like any other.
 */
const defineStepRoute = (key: CaseCommandKey): void => {
  const step = STEP_RULES[key];
  const { type, body: schema, Command, check } = STEP_COMMANDS[key];
  const prototype = DevelopmentStepsController.prototype;
  const route = {
    [key](this: DevelopmentStepsController, id: string, body: unknown, request: ActorRequest) {
      check?.(parseWith(schema, body), request, this.steps);
      return this.steps.send(request, id, key, type, schema, body, Command);
    },
  }[key];
  Object.defineProperty(prototype, key, { value: route, writable: true, configurable: true });
  Reflect.defineMetadata('design:paramtypes', [String, Object, Object], prototype, key);
  const decorators = [Post(step.path), Allow('development', step.action), BodySchema(schema), operationOf(key)];
  Object.defineProperty(
    prototype,
    key,
    Reflect.decorate(decorators, prototype, key, Object.getOwnPropertyDescriptor(prototype, key)) as PropertyDescriptor,
  );
  Param('id', ParseUUIDPipe)(prototype, key, 0);
  Body()(prototype, key, 1);
  Req()(prototype, key, 2);
};

for (const key of Object.keys(STEP_COMMANDS) as CaseCommandKey[]) defineStepRoute(key);
