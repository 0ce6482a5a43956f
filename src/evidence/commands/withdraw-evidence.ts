import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { DomainError, NotFoundError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { evidenceFile, type EvidenceFile } from '../evidence-file.js';
import { evidenceStream, type EvidenceWithdrawn } from '../evidence.events.js';

export const withdrawEvidenceBody = z.strictObject({ reason: text(500) });

export type WithdrawEvidence = Command<
  'WithdrawEvidence',
  z.output<typeof withdrawEvidenceBody> & { evidenceId: string }
>;

/**
 * Takes a file out of the archive (filed in error, superseded): the archive no longer counts it, but its
 * event and its bytes stay, so an audit still sees what was filed and why it went.
 */
export const withdrawEvidence = ({ data }: WithdrawEvidence, state: EvidenceFile): EvidenceWithdrawn => {
  if (state.status === 'none') throw new NotFoundError({ zh: '印证资料', en: 'Evidence' }, data.evidenceId);
  if (state.status === 'withdrawn')
    throw new DomainError(
      'evidence.already-withdrawn',
      { zh: '该印证资料已撤回', en: 'This evidence is withdrawn already' },
      'evidenceId',
      409,
    );
  return {
    type: 'EvidenceWithdrawn',
    data: { evidenceId: data.evidenceId, reason: data.reason },
    metadata: { unitIds: state.unitIds },
  };
};

export class WithdrawEvidenceCommand extends CommandMessage<WithdrawEvidence, EvidenceFile> {}

@CommandHandler(WithdrawEvidenceCommand)
export class WithdrawEvidenceHandler implements ICommandHandler<WithdrawEvidenceCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: WithdrawEvidenceCommand) {
    return handleCommand(
      this.store,
      evidenceStream(command.data.evidenceId),
      evidenceFile,
      (state) => withdrawEvidence(command, state),
      command.metadata,
      options,
    );
  }
}
