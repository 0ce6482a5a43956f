import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import { addMonths, addYears } from '../../core/time/local-date.js';
import type { DevelopmentCase, OpenCase } from '../development-case.js';
import { rulesInForceOn } from '../development-rules.js';
import type { AdmissionApproved, AdmissionNotApproved } from '../development.events.js';
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

export const decideAdmissionBody = stepBody({
  on: localDate(),
  /** The committee's collective decision, one candidate at a time: recorded, never made, here. */
  decision: z.enum(['approved', 'not_approved']),
  /** Why an approval comes later than 3 months after the branch resolution (allowed up to 6). */
  specialReason: text(500).nullish(),
  reason: text(500).nullish(),
});

export type DecideAdmission = StepCommand<'DecideAdmission', z.output<typeof decideAdmissionBody>>;

/** A16: within 3 months of the branch resolution; in special cases up to 6, with the reason stated. */
const checkApprovalWindow = (open: OpenCase, on: string, specialReason: string | null | undefined) => {
  const resolution = open.done.admissionVote as string;
  const rules = rulesInForceOn(on);
  if (on <= addMonths(resolution, rules.approvalMonths)) return rules;
  const hardLimit = addMonths(resolution, rules.approvalHardLimitMonths);
  if (on > hardLimit)
    throw refuse(
      'approval-after-6-months',
      `审批不得晚于支部大会决议后 ${rules.approvalHardLimitMonths} 个月（${hardLimit}）`,
      `Approval may come at most ${rules.approvalHardLimitMonths} months after the branch resolution (${hardLimit})`,
    );
  if (!specialReason)
    throw refuse(
      'approval-special-reason-required',
      `超过 ${rules.approvalMonths} 个月审批的，须说明特殊情况`,
      `An approval later than ${rules.approvalMonths} months after the resolution must state its special reason`,
      'specialReason',
    );
  return rules;
};

/**
 * Step 17: the basic-level committee's decision. An approval states the probation: one year from the
 * branch meeting that admitted the candidate (Art. 32), which is also the entry date (入党时间).
 */
export const decideAdmission = (
  { data, metadata }: DecideAdmission,
  state: DevelopmentCase,
): AdmissionApproved | AdmissionNotApproved => {
  const open = openCase(state, 'approval');
  notDone(open, 'approval');
  follows(open, 'approval', data.on, metadata);
  if (data.decision === 'not_approved')
    return stepEvent<AdmissionNotApproved>('AdmissionNotApproved', open, data, { reason: data.reason ?? '' });
  const rules = checkApprovalWindow(open, data.on, data.specialReason);
  const probationStart = open.done.admissionVote as string;
  return stepEvent<AdmissionApproved>('AdmissionApproved', open, data, {
    specialReason: data.specialReason ?? null,
    probationStart,
    probationEnd: addYears(probationStart, rulesInForceOn(probationStart).probationYears),
    rulesVersion: rules.id,
  });
};

export class DecideAdmissionCommand extends CommandMessage<DecideAdmission, DevelopmentCase> {}

@CommandHandler(DecideAdmissionCommand)
export class DecideAdmissionHandler implements ICommandHandler<DecideAdmissionCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: DecideAdmissionCommand) {
    return handleStep(this.store, command, (s) => decideAdmission(command, s), options);
  }
}
