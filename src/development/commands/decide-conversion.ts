import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import { addMonths } from '../../core/time/local-date.js';
import type { DevelopmentCase } from '../development-case.js';
import { rulesInForceOn } from '../development-rules.js';
import type { ConversionApproved, ConversionNotApproved } from '../development.events.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  refuse,
  stepBody,
  stepEvent,
  type StepCommand,
} from './step-support.js';

export const decideConversionBody = stepBody({
  on: localDate(),
  /** The committee's decision on the branch's resolution: recorded, never made, here. */
  decision: z.enum(['approved', 'not_approved']),
  reason: text(500).nullish(),
});

export type DecideConversion = StepCommand<'DecideConversion', z.output<typeof decideConversionBody>>;

/**
 * Step 24 (Art. 34; Constitution Art. 7): the higher committee approves the branch's resolution (conversion,
 * extension or cancellation) within 3 months. Party standing (党龄) runs from the day probation expired,
 * not from this approval.
 */
export const decideConversion = (
  { data, metadata }: DecideConversion,
  state: DevelopmentCase,
): ConversionApproved | ConversionNotApproved => {
  const open = openCase(state, 'conversionApproval');
  notDone(open, 'conversionApproval');
  follows(open, 'conversionApproval', data.on, metadata);
  const resolution = open.pendingResolution;
  if (!resolution)
    throw refuse('no-pending-resolution', '没有待审批的支部大会决议', 'No branch resolution awaits approval');
  const months = rulesInForceOn(data.on).conversionApprovalMonths;
  const limit = addMonths(resolution.on, months);
  if (data.on > limit)
    throw refuse(
      'conversion-approval-after-3-months',
      `转正审批应在支部大会决议后 ${months} 个月内（${limit}）`,
      `The conversion is approved within ${months} months of the branch resolution (${limit})`,
    );
  if (data.decision === 'not_approved')
    return stepEvent<ConversionNotApproved>('ConversionNotApproved', open, data, { reason: data.reason ?? '' });
  const expiry = open.probationEnd as string;
  return stepEvent<ConversionApproved>('ConversionApproved', open, data, {
    outcome: resolution.outcome,
    partyStandingFrom: resolution.outcome === 'convert' ? expiry : null,
    probationEnd: resolution.outcome === 'extend' ? addMonths(expiry, resolution.extensionMonths ?? 0) : null,
  });
};

export class DecideConversionCommand extends CommandMessage<DecideConversion, DevelopmentCase> {}

@CommandHandler(DecideConversionCommand)
export class DecideConversionHandler implements ICommandHandler<DecideConversionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: DecideConversionCommand) {
    return handleStep(this.store, command, (s) => decideConversion(command, s), options);
  }
}
