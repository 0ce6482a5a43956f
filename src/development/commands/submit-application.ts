import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import { ageOn } from '../../core/time/local-date.js';
import type { DevelopmentCase } from '../development-case.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import { rulesInForceOn } from '../development-rules.js';
import type { ApplicationSubmitted } from '../development.events.js';
import { handleStep, notInFuture, refuse, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const submitApplicationBody = stepBody({
  name: text(50),
  gender: z.enum(['male', 'female']),
  birthDate: localDate(),
  orgId: z.uuid(),
  unitId: z.uuid(),
  on: localDate(),
});

export type SubmitApplication = StepCommand<'SubmitApplication', z.output<typeof submitApplicationBody>>;

export interface ApplicationFacts {
  orgExists: boolean;
  covers: boolean;
}

/** Step 1 (Art. 5–6): a written application to the organisation of the unit where the applicant works. */
export const submitApplication = (
  { data, metadata }: SubmitApplication,
  state: DevelopmentCase,
  facts: ApplicationFacts,
): ApplicationSubmitted => {
  if (state.status !== 'none')
    throw refuse('case-exists', '该人员已有发展记录', 'This person already has a development case', 'personId', 409);
  if (!facts.orgExists) throw refuse('org-unknown', '党组织不存在', 'The Party organisation does not exist', 'orgId');
  if (!facts.covers)
    throw refuse(
      'unit-not-covered',
      '该党组织不覆盖申请人所在单位',
      'The organisation does not cover the unit',
      'unitId',
    );
  notInFuture(data.on, metadata);
  if (data.birthDate > data.on)
    throw refuse(
      'born-after-application',
      '出生日期晚于申请日期',
      'The birth date is after the application',
      'birthDate',
    );
  const minimumAge = rulesInForceOn(data.on).minimumAge;
  if (ageOn(data.birthDate, data.on) < minimumAge)
    throw refuse(
      'under-18',
      `递交申请时未满 ${minimumAge} 周岁（《细则》第五条）`,
      `The applicant was under ${minimumAge} on the application date (Art. 5)`,
      'birthDate',
    );
  const { personId: _p, on: _o, records: _r, ...details } = data;
  return stepEvent<ApplicationSubmitted>('ApplicationSubmitted', data, data, details);
};

export class SubmitApplicationCommand extends CommandMessage<SubmitApplication, DevelopmentCase> {}

@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganizationsFacts,
  ) {}

  execute({ command, options }: SubmitApplicationCommand) {
    const facts = this.facts.orgCoversUnit(command.data.orgId, command.data.unitId);
    return handleStep(this.store, command, (s) => submitApplication(command, s, facts), options);
  }
}
