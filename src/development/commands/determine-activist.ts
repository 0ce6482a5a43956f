import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ActivistDetermined } from '../development.events.js';
import { rulesInForceOn } from '../development-rules.js';
import { EARLIEST_ON } from '../step-dates.js';
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

export const determineActivistBody = stepBody({
  on: localDate(),
  recommendation: z.enum(['member_recommendation', 'mass_org_recommendation']),
});

export type DetermineActivist = StepCommand<'DetermineActivist', z.output<typeof determineActivistBody>>;

/** Step 3 (Art. 8): the branch committee decides on a recommended applicant; a local minimum wait may apply (A2). */
export const determineActivist = (
  { data, metadata }: DetermineActivist,
  state: DevelopmentCase,
): ActivistDetermined => {
  const open = openCase(state, 'activist');
  notDone(open, 'activist');
  follows(open, 'activist', data.on, metadata);
  const rules = rulesInForceOn(data.on);
  const wait = rules.activistMinimumWaitMonths;
  const earliest = EARLIEST_ON.activist!(open, rules);
  if (earliest && data.on < earliest)
    throw refuse(
      'activist-wait',
      `递交申请满 ${wait} 个月后方可确定为入党积极分子（最早 ${earliest}）`,
      `An applicant may be made an activist ${wait} months after applying (from ${earliest})`,
    );
  return stepEvent<ActivistDetermined>('ActivistDetermined', open, data, { recommendation: data.recommendation });
};

export class DetermineActivistCommand extends CommandMessage<DetermineActivist, DevelopmentCase> {}

@CommandHandler(DetermineActivistCommand)
export class DetermineActivistHandler implements ICommandHandler<DetermineActivistCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: DetermineActivistCommand) {
    return handleStep(this.store, command, (s) => determineActivist(command, s), options);
  }
}
