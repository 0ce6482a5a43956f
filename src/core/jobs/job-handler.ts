import { DiscoveryService } from '@nestjs/core';
import { StartupError } from '../errors.js';
import type { CommandMetadata } from '../messages.js';
import type { Policy } from './policy.js';

/** The event that made a policy ask for a job: commands the job sends carry it as their cause. */
export interface JobCause {
  policy: string;
  eventId: string;
  eventType: string;
  /** Global position of the event (a bigint as text: job data is JSON). */
  position: string;
  correlationId: string;
}

/** What a queued job carries: the policy's data and where it came from. */
export interface JobEnvelope<Data = unknown> {
  data: Data;
  cause: JobCause;
}

export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  cause: JobCause;
  /**
   * Metadata for a command the job sends: the system as actor, the triggering event as causation, and
   * the event's correlation id, so the audit trail links the follow-up to the step that caused it.
   */
  metadata: () => CommandMetadata;
}

/**
 * Does the work of one job name. A job may run more than once (a retry after a crash, a replayed
 * policy after the queue forgot the job): `handle` re-checks its condition against the store or the
 * read models and does nothing when the work is already done. That re-check, not the queue's job id,
 * is what guarantees "at most one effect".
 *
 * Throwing retries the job (exponential backoff); an `UnrecoverableError` from bullmq fails it at once.
 */
export interface JobHandler<Data = unknown> {
  readonly name: string;
  handle(data: Data, context: JobContext): Promise<void>;
}

/**
 * Marks a Nest provider as a job handler: `@JobHandlerProvider() @Injectable() class … implements JobHandler`.
 * The jobs module finds every marked provider of every module at start.
 */
export const JobHandlerProvider = DiscoveryService.createDecorator<void>();

/**
 * The start-up check (architecture.md, "core/jobs"): every job a policy may request has exactly one
 * handler, no two handlers share a name, and no two policies share a name. A wiring mistake stops the
 * app at start instead of leaving jobs to fail in the queue.
 */
export const checkJobWiring = (policies: readonly Policy[], handlers: readonly Pick<JobHandler, 'name'>[]): void => {
  const problems: string[] = [];
  const count = (names: string[]) =>
    names.reduce((counts, name) => counts.set(name, (counts.get(name) ?? 0) + 1), new Map<string, number>());
  for (const [name, n] of count(policies.map((p) => p.name)))
    if (n > 1) problems.push(`${n} policies are named "${name}"`);
  const handlerCounts = count(handlers.map((h) => h.name));
  for (const [name, n] of handlerCounts) if (n > 1) problems.push(`${n} job handlers are named "${name}"`);
  for (const policy of policies)
    for (const job of policy.jobs)
      if (!handlerCounts.has(job))
        problems.push(`policy "${policy.name}" may schedule job "${job}", but no job handler is named "${job}"`);
  if (problems.length === 0) return;
  throw new StartupError(
    [
      'Job wiring is incomplete / 后台任务配置有误:',
      ...problems.map((p) => `  - ${p}`),
      'Each job name needs exactly one provider marked @JobHandlerProvider() in a feature module.',
    ].join('\n'),
  );
};
