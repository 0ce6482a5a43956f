import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { MaterialsArchived } from '../development.events.js';
import { follows, handleStep, notDone, openCase, stepBody, stepEvent, type StepCommand } from './step-support.js';

export const archiveMaterialsBody = stepBody({
  on: localDate(),
  archive: z.enum(['personnel_file', 'member_file']),
});

export type ArchiveMaterials = StepCommand<'ArchiveMaterials', z.output<typeof archiveMaterialsBody>>;

/** Step 25 (Art. 37): the materials go into the personnel file, or a Party-member file where there is none (A23). */
export const archiveMaterials = ({ data, metadata }: ArchiveMaterials, state: DevelopmentCase): MaterialsArchived => {
  const open = openCase(state, 'archived');
  notDone(open, 'archived');
  follows(open, 'archived', data.on, metadata);
  return stepEvent<MaterialsArchived>('MaterialsArchived', open, data, { archive: data.archive });
};

export class ArchiveMaterialsCommand extends CommandMessage<ArchiveMaterials, DevelopmentCase> {}

@CommandHandler(ArchiveMaterialsCommand)
export class ArchiveMaterialsHandler implements ICommandHandler<ArchiveMaterialsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ArchiveMaterialsCommand) {
    return handleStep(this.store, command, (s) => archiveMaterials(command, s), options);
  }
}
