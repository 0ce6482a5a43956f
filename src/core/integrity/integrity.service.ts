import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { CLOCK, type Clock } from '../time/clock.js';
import { AUDIT_KEY, type AuditKeyState } from './audit-key.js';
import type { CheckpointTable, SignedCheckpoint } from './checkpoints.js';
import { Integrity, type IntegrityReport } from './integrity.js';

/** The integrity check as the app holds it; a factory in the core module builds it from the raw store. */
export const INTEGRITY = Symbol('INTEGRITY');
export const CHECKPOINT_TABLE = Symbol('CHECKPOINT_TABLE');

/** The last check's outcome, as /api/health and GET /api/integrity tell it. */
export interface IntegrityStatus {
  /** null while the first check (at start) is still running. */
  ok: boolean | null;
  checkedAt: string | null;
  scope: IntegrityReport['scope'] | null;
  problems: IntegrityReport['problems'];
  /** The latest checkpoint whose signature holds. */
  checkpoint: IntegrityReport['checkpoint'];
  key: { id: string } | null;
}

/** How often the app looks whether a checkpoint is due (a cheap count, not a walk). */
const LOOK_EVERY_MS = 5_000;

/**
 * Tamper evidence while the app runs: checks the tail of the log at start (the latest checkpoint's
 * signature and every event after it), signs a checkpoint every AUDIT_CHECKPOINT_EVENTS events or
 * AUDIT_CHECKPOINT_MINUTES minutes and at shutdown, and verifies the whole log on request. Other
 * features (the audit pages) call verify() and status().
 */
@Injectable()
export class IntegrityService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private last: IntegrityReport | null = null;
  private lastCheckpointAt = 0;
  private timer: NodeJS.Timeout | undefined;
  /** One walk at a time: a checkpoint never signs while another is being signed. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(INTEGRITY) private readonly integrity: Integrity,
    @Inject(CHECKPOINT_TABLE) private readonly table: CheckpointTable,
    @Inject(AUDIT_KEY) private readonly keyState: AuditKeyState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const { key, problem } = this.keyState;
    if (key?.created)
      this.logger.log(`Audit key created: ${key.file} (id ${key.id}); public key:\n${key.publicKeyPem}`);
    else if (key) this.logger.log(`Audit key ${key.id} from ${key.file}`);
    else this.logger.warn(`${problem}; checkpoints are not signed and the log chain is unkeyed. 审计密钥不可用。`);
    // Not awaited: the app starts whatever the log holds (auditors must be able to look); health says when done.
    void this.checkpointNow('start');
    this.timer = setInterval(() => void this.checkpointIfDue(), LOOK_EVERY_MS);
    this.timer.unref();
  }

  /** Every event from the first, against every checkpoint held (and `against`, exported ones). */
  verify(options: { against?: SignedCheckpoint[] } = {}): Promise<IntegrityReport> {
    return this.serially(async () => {
      const report = await this.integrity.verify(options);
      this.last = report;
      return report;
    });
  }

  status(): IntegrityStatus {
    const report = this.last;
    return {
      ok: report ? report.ok : null,
      checkedAt: report?.checkedAt ?? null,
      scope: report?.scope ?? null,
      problems: report?.problems ?? [],
      checkpoint: report?.checkpoint ?? null,
      key: this.keyState.key ? { id: this.keyState.key.id } : null,
    };
  }

  /** The latest signed checkpoint, for an auditor to keep outside the system. */
  latestCheckpoint(): SignedCheckpoint | null {
    return this.integrity.latestCheckpoint();
  }

  publicKey(): string | null {
    return this.keyState.key?.publicKeyPem ?? null;
  }

  /** Checks the tail and signs a checkpoint of the head when it verifies; the report becomes the status. */
  checkpointNow(why: string): Promise<IntegrityReport | null> {
    return this.serially(async () => {
      try {
        const { report, written } = await this.integrity.checkpoint();
        this.last = report;
        this.lastCheckpointAt = this.clock.now().getTime();
        if (!report.ok)
          this.logger.error(
            `The event log does not verify (${why}): ${report.problems.length} problem(s), first: ${report.problems[0].message.en}. 事件日志校验未通过。`,
          );
        else if (written) this.logger.debug?.(`Checkpoint signed at position ${written.checkpoint.position} (${why})`);
        return report;
      } catch (error) {
        if (!this.stopped) this.logger.error(`Integrity check failed (${why}): ${(error as Error).message}`);
        return null;
      }
    });
  }

  private async checkpointIfDue(): Promise<void> {
    if (this.stopped) return;
    const from = BigInt(this.last?.checkpoint?.position ?? '0');
    const { checkpointEvents, checkpointMinutes } = this.config.audit;
    try {
      const grown = await this.integrity.eventsAfter(from, checkpointEvents);
      const minutes = (this.clock.now().getTime() - this.lastCheckpointAt) / 60_000;
      // A log that did not verify is looked at again only every M minutes, not at every look.
      if ((grown >= checkpointEvents && this.last?.ok !== false) || (grown > 0 && minutes >= checkpointMinutes))
        await this.checkpointNow('due');
    } catch {
      // the store is closing; the next look or the shutdown checkpoint will do
    }
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // The last events of this run get their checkpoint before the store closes.
    await this.checkpointNow('shutdown');
    this.stopped = true;
  }

  onApplicationShutdown(): void {
    this.table.close();
  }
}
