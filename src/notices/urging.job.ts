import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { command, foldStream } from '../core/command-handling.js';
import { DomainError } from '../core/errors.js';
import { EVENT_STORE, type EventStore } from '../core/event-store/event-store.js';
import { JobHandlerProvider, type JobContext, type JobHandler } from '../core/jobs/job-handler.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { urgeNotice, type UrgeNotice } from './commands/acknowledge.js';
import { NoticeCommand } from './commands/notice-command.js';
import { notice, unacknowledged } from './notice.js';
import { noticeStream } from './notices.events.js';
import { currentSettings } from './projections/notice-queries.js';
import { URGE_NOTICE, type UrgeJob } from './urging.policy.js';

/** Refusals meaning "nothing to do now": done already, everyone acknowledged, closed, or the rounds are spent. */
const NOTHING_TO_DO = new Set([
  'notices.round-urged',
  'notices.nothing-to-urge',
  'notices.urge-rounds-spent',
  'notices.wrong-status',
  'notices.urge-not-due',
]);

/**
 * Fires a round of urging. Re-checks the notice's stream when it runs (a job may run twice: a retry, a
 * replay, a second instance) and urges only when the round is still owed: the decider refuses a round
 * already done, so a race between two runs appends it once.
 */
@JobHandlerProvider()
@Injectable()
export class UrgeNoticeJob implements JobHandler<UrgeJob> {
  readonly name = URGE_NOTICE;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    private readonly bus: CommandBus,
  ) {}

  async handle({ noticeId, round }: UrgeJob, context: JobContext): Promise<void> {
    const state = foldStream(notice, await this.store.readStream(noticeStream(noticeId)));
    if (state.status !== 'circulated' || state.urgedRounds >= round || unacknowledged(state).length === 0) return;
    const { revision: _revision, ...settings } = currentSettings(this.db);
    const urge: UrgeNotice = command('UrgeNotice', { noticeId, round, settings }, context.metadata());
    await this.bus.execute(new NoticeCommand(urge, urgeNotice)).catch((error: unknown) => {
      if (!(error instanceof DomainError && NOTHING_TO_DO.has(error.code))) throw error;
    });
  }
}
