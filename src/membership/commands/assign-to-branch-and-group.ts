import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { AssignedToBranchAndGroup } from '../membership.events.js';
import { follows, handleStep, notDone, openCase, stepEvent, type StepCommand } from './step-support.js';

export const assignToBranchAndGroupBody = z.strictObject({ on: localDate(), partyGroup: text(50) });

export type AssignToBranchAndGroup = StepCommand<'AssignToBranchAndGroup', z.output<typeof assignToBranchAndGroupBody>>;

/** Step 19: the probationary member joins the branch that admitted them and a Party group. */
export const assignToBranchAndGroup = (
  { data, metadata }: AssignToBranchAndGroup,
  state: DevelopmentCase,
): AssignedToBranchAndGroup => {
  const open = openCase(state, 'assigned');
  notDone(open, 'assigned');
  follows(open, 'assigned', data.on, metadata);
  return stepEvent<AssignedToBranchAndGroup>('AssignedToBranchAndGroup', open, data.on, {
    orgId: open.orgId,
    partyGroup: data.partyGroup,
  });
};

export class AssignToBranchAndGroupCommand extends CommandMessage<AssignToBranchAndGroup, DevelopmentCase> {}

@CommandHandler(AssignToBranchAndGroupCommand)
export class AssignToBranchAndGroupHandler implements ICommandHandler<AssignToBranchAndGroupCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: AssignToBranchAndGroupCommand) {
    return handleStep(this.store, command, (s) => assignToBranchAndGroup(command, s), options);
  }
}
