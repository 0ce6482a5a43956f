import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { ConcentratedTrainingCompleted } from '../development.events.js';
import { rulesInForceOn } from '../development-rules.js';
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

export const completeConcentratedTrainingBody = stepBody({
  on: localDate(),
  days: z.number().min(0).max(365),
  classHours: z.number().min(0).max(2000),
  provider: text(100),
});

export type CompleteConcentratedTraining = StepCommand<
  'CompleteConcentratedTraining',
  z.output<typeof completeConcentratedTrainingBody>
>;

/** Step 11 (Art. 17): concentrated training of at least 3 days or 24 class hours (values of the version in force). */
export const completeConcentratedTraining = (
  { data, metadata }: CompleteConcentratedTraining,
  state: DevelopmentCase,
): ConcentratedTrainingCompleted => {
  const open = openCase(state, 'training');
  notDone(open, 'training');
  follows(open, 'training', data.on, metadata);
  const { trainingMinimumDays: days, trainingMinimumClassHours: hours } = rulesInForceOn(data.on);
  if (data.days < days && data.classHours < hours)
    throw refuse(
      'training-too-short',
      `集中培训不少于 ${days} 天或 ${hours} 学时（《细则》第十七条）`,
      `Concentrated training must last at least ${days} days or ${hours} class hours (Art. 17)`,
      'days',
    );
  return stepEvent<ConcentratedTrainingCompleted>('ConcentratedTrainingCompleted', open, data, {
    days: data.days,
    classHours: data.classHours,
    provider: data.provider,
  });
};

export class CompleteConcentratedTrainingCommand extends CommandMessage<
  CompleteConcentratedTraining,
  DevelopmentCase
> {}

@CommandHandler(CompleteConcentratedTrainingCommand)
export class CompleteConcentratedTrainingHandler implements ICommandHandler<CompleteConcentratedTrainingCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: CompleteConcentratedTrainingCommand) {
    return handleStep(this.store, command, (s) => completeConcentratedTraining(command, s), options);
  }
}
