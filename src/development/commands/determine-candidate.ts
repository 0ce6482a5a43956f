import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { CandidateDetermined } from '../development.events.js';
import { rulesInForceOn } from '../development-rules.js';
import { EARLIEST_ON } from '../step-dates.js';
import { checkPublicity } from './publicity.js';
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

export const determineCandidateBody = stepBody({
  on: localDate(),
  publicityFrom: localDate(),
  publicityTo: localDate(),
});

export type DetermineCandidate = StepCommand<'DetermineCandidate', z.output<typeof determineCandidateBody>>;

/**
 * Step 7 (Art. 13): after at least a year of cultivation as an activist, and a publicity period counted in
 * Chinese working days (A8, A9), the branch committee lists the activist as a development candidate.
 */
export const determineCandidate = (
  { data, metadata }: DetermineCandidate,
  state: DevelopmentCase,
): CandidateDetermined => {
  const open = openCase(state, 'candidate');
  notDone(open, 'candidate');
  follows(open, 'candidate', data.on, metadata);
  const rules = rulesInForceOn(data.on);
  const earliest = EARLIEST_ON.candidate!(open, rules) as string;
  if (data.on < earliest)
    throw refuse(
      'cultivation-under-1-year',
      `确定为入党积极分子后须经 ${rules.cultivationYears} 年以上培养教育（最早 ${earliest}）`,
      `At least ${rules.cultivationYears} year(s) of cultivation as an activist are required (from ${earliest})`,
    );
  const days = checkPublicity(data.publicityFrom, data.publicityTo, data.on, rules.candidatePublicityWorkingDays);
  return stepEvent<CandidateDetermined>('CandidateDetermined', open, data, {
    publicityFrom: data.publicityFrom,
    publicityTo: data.publicityTo,
    publicityWorkingDays: days,
    rulesVersion: rules.id,
  });
};

export class DetermineCandidateCommand extends CommandMessage<DetermineCandidate, DevelopmentCase> {}

@CommandHandler(DetermineCandidateCommand)
export class DetermineCandidateHandler implements ICommandHandler<DetermineCandidateCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: DetermineCandidateCommand) {
    return handleStep(this.store, command, (s) => determineCandidate(command, s), options);
  }
}
