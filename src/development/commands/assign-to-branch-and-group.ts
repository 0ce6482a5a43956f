import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import type { AssignedToBranchAndGroup } from '../development.events.js';
import type { ApplicationFacts } from './submit-application.js';
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

export const assignToBranchAndGroupBody = stepBody({
  on: localDate(),
  partyGroup: text(50),
  /** The branch the probationary member joins; left out: the branch that admitted them. */
  orgId: z.uuid().optional(),
});

export type AssignToBranchAndGroup = StepCommand<'AssignToBranchAndGroup', z.output<typeof assignToBranchAndGroupBody>>;

/**
 * Step 19: the probationary member joins a branch and a Party group, normally the branch that admitted
 * them; another one must exist and cover the case's unit, as an application's does. The roster follows
 * through the probationary-membership policy (a transfer when the branch changes).
 */
export const assignToBranchAndGroup = (
  { data, metadata }: AssignToBranchAndGroup,
  state: DevelopmentCase,
  facts: ApplicationFacts = { orgExists: true, covers: true },
): AssignedToBranchAndGroup => {
  const open = openCase(state, 'assigned');
  notDone(open, 'assigned');
  follows(open, 'assigned', data.on, metadata);
  const orgId = data.orgId ?? open.orgId;
  if (orgId !== open.orgId) {
    if (!facts.orgExists) throw refuse('org-unknown', '党组织不存在', 'The Party organisation does not exist', 'orgId');
    if (!facts.covers)
      throw refuse(
        'unit-not-covered',
        '该党组织不覆盖其所在单位',
        "The organisation does not cover the person's unit",
        'orgId',
      );
  }
  return stepEvent<AssignedToBranchAndGroup>('AssignedToBranchAndGroup', open, data, {
    orgId,
    partyGroup: data.partyGroup,
  });
};

export class AssignToBranchAndGroupCommand extends CommandMessage<AssignToBranchAndGroup, DevelopmentCase> {}

@CommandHandler(AssignToBranchAndGroupCommand)
export class AssignToBranchAndGroupHandler implements ICommandHandler<AssignToBranchAndGroupCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: OrganizationsFacts,
  ) {}

  execute({ command, options }: AssignToBranchAndGroupCommand) {
    const { orgId } = command.data;
    return handleStep(
      this.store,
      command,
      (s) =>
        assignToBranchAndGroup(
          command,
          s,
          orgId && s.status !== 'none' ? this.facts.orgCoversUnit(orgId, s.unitId) : undefined,
        ),
      options,
    );
  }
}
